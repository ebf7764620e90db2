// `npm run bench`: every benchmark, figures as JSON on stdout. Not a test: nothing here passes or fails.
import { benchFoundation } from './bench-foundation.ts'
import { benchQa } from './bench-qa.ts'
import { benchReferrals } from './bench-referrals.ts'
import { benchReminders } from './bench-reminders.ts'
import { benchSignups } from './bench-signups.ts'

process.env.WECHATY_LOG ??= 'silent'
const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length } }
// Start-up is measured first, in a fresh process state, before anything else warms the caches.
results.foundation = await benchFoundation()
results.qa = await benchQa()
results.reminders = await benchReminders()
results.referrals = await benchReferrals()
results.signups = await benchSignups()
console.log(JSON.stringify(results, null, 2))
process.exit(0)
