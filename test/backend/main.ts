/**
 * `npm run backend`: the reference registration backend for demos and manual tests, on loopback
 * with a fresh desk token. Options: --port <n> (default 8787, 0 for any free port).
 */
import { parseArgs } from 'node:util'
import { createBackend } from './server'

const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`)
  process.exit(2)
}

const backend = await createBackend({
  port,
  onExchange: (e) => console.log(`${e.method} ${e.path} -> ${e.status ?? 'no answer'}`),
})
console.log(`Guichet reference backend on ${backend.url}`)
console.log(`Desk token: ${backend.token}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void backend.close().then(() => process.exit(0))
  })
}
