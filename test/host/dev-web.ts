import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebHost } from './web-host'

// `npm run dev:web`: the real UI and core in a local browser, where Electron cannot run.
const { values } = parseArgs({ options: { port: { type: 'string', default: '5190' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}".`)
  process.exit(2)
}
const dataDir = process.env['GUICHET_DATA_DIR'] ?? '.guichet-dev'
// An admin tries a provisioning file as the installed app would find it at start.
const provisioningFile = process.env['GUICHET_PROVISIONING_FILE']
// A browser page has no system dialog for an export file: this folder stands for it.
const transferDir = process.env['GUICHET_TRANSFER_DIR'] ?? join(dataDir, 'transfers')
const host = await startWebHost({
  dataDir,
  port,
  transferDir,
  ...(provisioningFile && { provisioningLocations: [provisioningFile] }),
})
void host.provisioned.then((outcome) => {
  if (outcome)
    console.log(`Provisioning file ${outcome.file}: ${outcome.result} ${outcome.error?.message ?? ''}`)
})
console.log(`Guichet (web host) with data in ${host.core.appInfo.dataDir}`)
console.log(`Export files go to ${transferDir}; Import takes the newest .guichet file there`)
console.log(`Open ${host.url}`)
const stop = () => void host.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
