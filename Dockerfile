# Weijia production image: multi-stage, production dependencies only, non-root, reproducible `npm ci`.
# Build: docker build -t weijia .     Run: see compose.yaml (Redis with persistence) and README.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# hnswlib-node compiles a native addon: the toolchain stays in this stage only.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production WECHATY_LOG=error WEIJIA_DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config
COPY prompts ./prompts
COPY knowledge ./knowledge
COPY scripts/build.mjs ./scripts/build.mjs
# Bundle once at build time: the app directory is read-only for the node user at run time.
RUN node scripts/build.mjs && mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
# With WECHATY_PUPPET set this runs the real bot; without it, the sandbox. The young generation is kept small
# (as in package.json's start script): about 15 MB less resident memory for a bot that handles a few messages a second.
CMD ["node", "--max-semi-space-size=4", "bin/weijia.js", "start"]
