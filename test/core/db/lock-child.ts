/** A desk held open in its own process until killed, for the lock tests. */
import { openDesk } from '../sync/desk'

await openDesk(process.env['GUICHET_DATA_DIR'] ?? '', null)
console.log('open')
setInterval(() => {}, 60_000)
