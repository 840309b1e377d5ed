import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { exportQueue } from '../../../electron/core/transfer/export'
import { importQueue } from '../../../electron/core/transfer/import'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

const PASSPHRASE = 'correct horse battery staple'
const t = useBackend()
let dirs: string[]
let fair: Core
let office: Core
let file: string
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dirs = [tempDir('guichet-fair-'), tempDir('guichet-office-'), tempDir('guichet-file-')]
  fair = await openDesk(dirs[0]!, t.backend)
  office = await openDesk(dirs[1]!, t.backend)
  file = join(dirs[2]!, 'queue.guichet')
  files = await documentFiles(dirs[2]!)
})
afterEach(() => {
  fair.close()
  office.close()
  cleanup(...dirs)
})

describe('export and import of the records not yet sent', () => {
  it('moves them to another desk, which sends each once, even one the backend already half has', async () => {
    const sent = await queueOne(fair, files)
    await fair.sync.drain()
    const half = await queueOne(fair, files)
    t.backend.faults.add({ kind: 'status', status: 500, route: 'uploadDocument', times: 1 })
    await fair.sync.drain()
    const waiting = await queueOne(fair, files)
    expect(fair.outbox.stateOf(half)).toBe('retry_wait')

    expect(await exportQueue(fair, file, PASSPHRASE)).toEqual({
      records: 2,
      documents: 4,
      skipped: 0,
      conflicts: [],
    })
    expect(readFileSync(file).includes(Buffer.from('Nguyen'))).toBe(false)

    expect(await importQueue(office, file, PASSPHRASE)).toEqual({
      records: 2,
      documents: 4,
      skipped: 0,
      conflicts: [],
    })
    expect(office.outbox.counts().queued).toBe(2)
    expect(office.registrations.read(waiting).student.lastName).toBe('Nguyen')
    await office.sync.drain()
    // The desk that exported still holds them: if it sends them too, the backend creates nothing new.
    fair.sync.retryNow()
    await fair.sync.drain()

    for (const id of [sent, half, waiting]) expect(t.backend.store.countRegistrations(id)).toBe(1)
    expect(t.backend.store.allRegistrations()).toHaveLength(3)
    expect(t.backend.log.some((e) => e.status === 422)).toBe(false)
  })

  it('takes the same file twice without harm', async () => {
    await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    await importQueue(office, file, PASSPHRASE)
    expect(await importQueue(office, file, PASSPHRASE)).toEqual({
      records: 0,
      documents: 0,
      skipped: 1,
      conflicts: [],
    })
    expect(office.outbox.counts().queued).toBe(1)
  })

  it('keeps a record needing attention so, with the backend complaint', async () => {
    t.backend.faults.emailTaken('taken@example.org')
    const refused = await queueOne(fair, files, 'taken@example.org')
    await fair.sync.drain()
    await exportQueue(fair, file, PASSPHRASE)
    await importQueue(office, file, PASSPHRASE)
    expect(office.outbox.stateOf(refused)).toBe('needs_attention')
    expect(office.outbox.problemOf(refused)?.code).toBe('email_taken')
  })

  it('reports a record whose e-mail this desk already holds, and takes the others', async () => {
    const email = 'same@example.org'
    const clash = await queueOne(fair, files, email)
    await queueOne(fair, files)
    await queueOne(office, files, email)
    await exportQueue(fair, file, PASSPHRASE)
    const summary = await importQueue(office, file, PASSPHRASE)
    expect(summary).toMatchObject({ records: 1, skipped: 0 })
    expect(summary.conflicts).toEqual([
      fair.outbox.list({ state: null, after: null, limit: 5 }).items.find((i) => i.clientId === clash)
        ?.reference,
    ])
  })

  it('says so clearly on a wrong passphrase, a damaged file or a file cut short', async () => {
    await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    await expect(importQueue(office, file, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    })

    const bytes = readFileSync(file)
    const altered = Buffer.from(bytes)
    altered[altered.length - 40]! ^= 1
    writeFileSync(file, altered)
    await expect(importQueue(office, file, PASSPHRASE)).rejects.toMatchObject({ code: 'export_damaged' })

    writeFileSync(file, bytes.subarray(0, bytes.length - 100))
    await expect(importQueue(office, file, PASSPHRASE)).rejects.toMatchObject({ code: 'export_truncated' })

    writeFileSync(file, 'hello')
    await expect(importQueue(office, file, PASSPHRASE)).rejects.toMatchObject({ code: 'not_an_export' })
  })
})
