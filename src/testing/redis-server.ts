// A real redis-server of a test's (or the chaos script's) own, on a free port, that can be stopped and
// started again on the same port: for outages, restarts and kill -9 scenarios.
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../adapters/redis/connect.ts'

export { freePort }

export interface RedisServer {
  port: number
  url: string
  /** Kills the server (SIGKILL: an outage, not a clean shutdown). */
  stop(): Promise<void>
  /** Starts it again on the same port (empty: no persistence). */
  start(): Promise<void>
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] })
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => String(d).includes('Ready to accept connections') && ok(child))
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code})`)))
  })
}

export async function redisServer(): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined = await launch(port)
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const c = child
      child = undefined
      if (!c || c.exitCode !== null) return
      await new Promise<void>((ok) => {
        c.once('exit', () => ok())
        c.kill('SIGKILL')
      })
    },
    async start() {
      child ??= await launch(port)
    },
  }
}
