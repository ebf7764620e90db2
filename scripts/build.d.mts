// Types for scripts/build.mjs (plain JS so bin/weijia.js can run it without a TypeScript loader).
export declare const DIST: string
export declare function buildDist(): Promise<void>
