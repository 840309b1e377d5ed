/**
 * A desk in its own process, for the crash tests to kill: `enqueue <count>` queues registrations
 * one after the other and prints each clientId once it is committed; `sync` drains the queue and
 * prints the counts. Data folder, backend URL and token come from the environment.
 */
import { documentFiles, openDesk, queueOne } from './desk'

const [mode, count = '0'] = process.argv.slice(2)
const dataDir = process.env['GUICHET_DATA_DIR'] ?? ''
const backend = { url: process.env['GUICHET_BACKEND_URL'] ?? '', token: process.env['GUICHET_TOKEN'] ?? '' }
const core = await openDesk(dataDir, backend, {
  syncTuning: { timeoutMs: 60_000, backoff: { baseMs: 20, capMs: 200 } },
})
console.log('open')
if (mode === 'enqueue') {
  const files = await documentFiles(dataDir)
  for (let i = 0; i < Number(count); i++) console.log(`queued ${await queueOne(core, files)}`)
} else {
  const { counts } = await core.sync.drain({ maxWaitMs: 5_000 })
  console.log(`drained ${JSON.stringify(counts)}`)
}
core.close()
