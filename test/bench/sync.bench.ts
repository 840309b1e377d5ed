import { fetchTransport } from '../../electron/core/sync/fetch-transport'
import { cleanup, tempDir } from '../core/sync/desk'
import { defineBench, type Row } from './bench'
import { RemoteBackend } from './sync/remote-backend'
import { sizeCase, smallRecordsCase } from './sync/throughput'

/**
 * Document sizes of real scans (not powers of two) and how many records make a round of 50 to 110 MB,
 * a few tenths of a second: shorter rounds measured the machine's hiccups and the sync's start as much
 * as the sync. Each is the best of ROUNDS rounds.
 */
const SIZE_CASES = [
  { documentBytes: 204_321, records: 120 },
  { documentBytes: 1_312_345, records: 40 },
  { documentBytes: 2_712_345, records: 20 },
  { documentBytes: 6_812_345, records: 8 },
]
const ROUNDS = 3
const SMALL_RECORDS = 1_000

export default defineBench({
  title: 'Sync to the reference backend in its own process, against raw node:http on the same server',
  async run() {
    const dir = tempDir('guichet-bench-sync-')
    const remote = await RemoteBackend.start()
    try {
      const rows: Row[] = []
      for (const { documentBytes, records } of SIZE_CASES) {
        rows.push(await sizeCase(remote, dir, { documentBytes, records, rounds: ROUNDS }))
      }
      rows.push(
        await sizeCase(remote, dir, {
          ...SIZE_CASES[2]!,
          rounds: ROUNDS,
          transport: () => fetchTransport(fetch),
          label: ', over fetch (as net.fetch)',
        }),
      )
      rows.push(await smallRecordsCase(remote, dir, { records: SMALL_RECORDS, rounds: ROUNDS }))
      return rows
    } finally {
      remote.stop()
      cleanup(dir)
    }
  },
})
