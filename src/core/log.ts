// pino logger: JSON lines to stderr in production, readable in a terminal; personal data masked in every line.
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino'
import { maskDeep, maskPersonalData } from './mask.ts'

export type Logger = PinoLogger

export interface LogOptions {
  level?: string
  /** Pretty output for humans; default: when stderr is a TTY and NODE_ENV is not production. */
  pretty?: boolean
  /** Where lines go; default stderr (stdout is reserved for machine-readable output). */
  destination?: DestinationStream
}

export function createLogger(opts: LogOptions = {}): Logger {
  const level = opts.level ?? 'info'
  const pretty = opts.pretty ?? (process.stderr.isTTY && process.env.NODE_ENV !== 'production')
  const options = {
    level,
    base: undefined,
    formatters: { log: (obj: Record<string, unknown>) => maskDeep(obj) as Record<string, unknown> },
    hooks: {
      // The message string is not passed through formatters.log, so mask it here.
      logMethod(this: PinoLogger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)))
      },
    },
  }
  if (opts.destination) return pino(options, opts.destination)
  if (pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
    })
  }
  return pino(options, pino.destination(2))
}

/** A logger that drops everything (tests and benches that don't assert on logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' })
