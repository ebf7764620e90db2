// Asks the sandbox bot one question and returns the time (since process start) at which the answer
// was sent: the moment the knowledge index is loaded and the whole bot is warm.
import { performance } from 'node:perf_hooks'

export function askWhenWarm(rt) {
  return new Promise((resolve) => {
    rt.app.onSent((job) => {
      if (job.to.kind === 'room' && job.text.includes('来源')) resolve(performance.now())
    })
    rt.world.say('王芳', '@小助手 家聚会一般都做些什么？', { mentionBot: true })
  })
}
