// Child of bench-startup.ts: plain node, no loader hooks, exactly what `weijia start` runs (dist/).
import { performance } from 'node:perf_hooks'
import { pino } from 'pino'

const { boot } = await import('../dist/main.js')
const rt = await boot({ mode: 'sandbox', log: pino({ level: 'silent' }) })
const readyMs = performance.now()
// The knowledge index loads in the background after ready; measure memory once it has.
const { askWhenWarm } = await import('./startup-warm.mjs')
const warmMs = await askWhenWarm(rt)
const rssMb = process.memoryUsage().rss / 2 ** 20
await rt.stop()
process.stdout.write(`${JSON.stringify({ readyMs: Math.round(readyMs), warmMs: Math.round(warmMs), rssMb: Math.round(rssMb) })}\n`)
process.exit(0)
