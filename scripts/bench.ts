// `npm run bench`: every benchmark, figures as JSON on stdout. Not a test: nothing here passes or fails.
// Each bench is imported only when it runs, so one bench's modules do not weigh on another's figures.
import { cpus } from 'node:os'

process.env.WECHATY_LOG ??= 'silent'
const results: Record<string, unknown> = { machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model } }
results.startup = await (await import('./bench-startup.ts')).benchStartup()
results.pipeline = await (await import('./bench-foundation.ts')).benchFoundation()
results.qa = await (await import('./bench-qa.ts')).benchQa()
results.signups = await (await import('./bench-signups.ts')).benchSignups()
results.referrals = await (await import('./bench-referrals.ts')).benchReferrals()
results.reminders = await (await import('./bench-reminders.ts')).benchReminders()
console.log(JSON.stringify(results, null, 2))
process.exit(0)
