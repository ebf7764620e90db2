// Redis: REDIS_URL when set; otherwise an embedded redis-server child with append-only persistence
// under ./data/redis, stopped on exit. Without either, start-up stops with what to do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { Redis } from 'ioredis'
import type { Logger } from '../../core/log.ts'

export interface RedisHandle {
  redis: Redis
  url: string
  embedded: boolean
  stop(): Promise<void>
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError'
}

/** BullMQ requires maxRetriesPerRequest: null on connections it blocks on. */
export const redisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true } as const

/** ioredis emits 'error' on every failed reconnect; unhandled, Node prints it. Quiet until first ready, then log. */
function watchErrors(redis: Redis, log: Logger): Redis {
  let ready = false
  redis.on('ready', () => (ready = true))
  redis.on('error', (err) => {
    if (ready) log.error({ err }, 'redis connection error')
  })
  return redis
}

export async function connectRedis(opts: { url?: string; dataDir: string; log: Logger }): Promise<RedisHandle> {
  if (opts.url) {
    const redis = watchErrors(new Redis(opts.url, redisOptions), opts.log)
    await ping(redis, opts.url)
    return { redis, url: opts.url, embedded: false, stop: async () => void redis.disconnect() }
  }
  if (!hasRedisServer()) {
    throw new RedisUnavailableError(
      'Redis is needed and none was found. Either set REDIS_URL (e.g. redis://127.0.0.1:6379), ' +
        'or install redis-server so Weijia can start its own (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis).',
    )
  }
  const dir = resolve(opts.dataDir, 'redis')
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const url = `redis://127.0.0.1:${port}`
  opts.log.info({ port, dir }, 'started embedded redis-server (append-only persistence)')
  const redis = watchErrors(new Redis(url, { ...redisOptions, retryStrategy: (n) => (n > 50 ? null : 100) }), opts.log)
  await ping(redis, url, child)
  // Leave no orphan redis-server behind if we exit without stopping it.
  const onExit = () => child.kill('SIGTERM')
  process.once('exit', onExit)
  const stop = async () => {
    process.removeListener('exit', onExit)
    redis.disconnect()
    await stopChild(child)
  }
  return { redis, url, embedded: true, stop }
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/** How long start-up waits for Redis before saying so and giving up. */
export const CONNECT_DEADLINE_MS = 5_000

/**
 * Start-up check. Commands on a BullMQ connection wait for Redis indefinitely (maxRetriesPerRequest: null),
 * so each ping is raced against a short timer: an unreachable Redis is reported within the deadline
 * instead of hanging in silence.
 */
async function ping(redis: Redis, url: string, child?: ChildProcess, deadlineMs = CONNECT_DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + deadlineMs
  let lastError: unknown
  redis.on('error', (err) => (lastError = err))
  if (redis.status === 'wait' || redis.status === 'end') redis.connect().catch((err) => (lastError = err))
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) break
    const left = Math.max(50, Math.min(1000, deadline - Date.now()))
    const ok = await Promise.race([redis.ping().then(() => true, (err) => ((lastError = err), false)), sleep(left).then(() => false)])
    if (ok) return
    await sleep(100)
  }
  redis.disconnect()
  const why = (lastError as Error)?.message ?? (child ? 'redis-server exited' : 'no answer')
  throw new RedisUnavailableError(
    `连不上 Redis（${url}）：${why}。请检查 REDIS_URL，或确认 redis-server 正在运行。\n` +
      `Cannot reach Redis at ${url} within ${Math.round(deadlineMs / 1000)} s: ${why}. Check REDIS_URL or that redis-server runs.`,
  )
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A free TCP port on the loopback (for an embedded redis-server, and for tests that start their own). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))))
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      ok()
    })
    child.kill('SIGTERM')
  })
}
