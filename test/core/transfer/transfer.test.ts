import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportQueue } from '../../../electron/core/transfer/export'
import { MIN_COST } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import { useBackend } from '../../backend/use-backend'
import { queueOne } from '../sync/desk'
import { PASSPHRASE, useTwoDesks } from './two-desks'

const t = useBackend()
const d = useTwoDesks(() => t.backend)

describe('export and import of the records not yet sent', () => {
  it('moves them to another desk, which sends each once, even one the backend already half has', async () => {
    const sent = await queueOne(d.fair, d.files)
    await d.fair.sync.drain()
    const half = await queueOne(d.fair, d.files)
    t.backend.faults.add({ kind: 'status', status: 500, route: 'uploadDocument', times: 1 })
    await d.fair.sync.drain()
    const waiting = await queueOne(d.fair, d.files)
    expect(d.fair.outbox.stateOf(half)).toBe('retry_wait')

    expect(await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)).toEqual({
      records: 2,
      documents: 4,
      skipped: 0,
      conflicts: [],
    })
    expect(readFileSync(d.file).includes(Buffer.from('Nguyen'))).toBe(false)

    expect(await importQueue(d.office, d.file, PASSPHRASE)).toEqual({
      records: 2,
      documents: 4,
      skipped: 0,
      conflicts: [],
    })
    expect(d.office.outbox.counts().queued).toBe(2)
    expect(d.office.registrations.read(waiting).student.lastName).toBe('Nguyen')
    await d.office.sync.drain()
    // The desk that exported still holds them: if it sends them too, the backend creates nothing new.
    d.fair.sync.retryNow()
    await d.fair.sync.drain()

    for (const id of [sent, half, waiting]) expect(t.backend.store.countRegistrations(id)).toBe(1)
    expect(t.backend.store.allRegistrations()).toHaveLength(3)
    expect(t.backend.log.some((e) => e.status === 422)).toBe(false)
  })

  it('takes the same file twice without harm', async () => {
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await importQueue(d.office, d.file, PASSPHRASE)
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toEqual({
      records: 0,
      documents: 0,
      skipped: 1,
      conflicts: [],
    })
    expect(d.office.outbox.counts().queued).toBe(1)
  })

  it('keeps a record needing attention so, with the backend complaint', async () => {
    t.backend.faults.emailTaken('taken@example.org')
    const refused = await queueOne(d.fair, d.files, 'taken@example.org')
    await d.fair.sync.drain()
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await importQueue(d.office, d.file, PASSPHRASE)
    expect(d.office.outbox.stateOf(refused)).toBe('needs_attention')
    expect(d.office.outbox.problemOf(refused)?.code).toBe('email_taken')
  })

  it('reports a record whose e-mail this desk already holds, and takes the others', async () => {
    const email = 'same@example.org'
    const clash = await queueOne(d.fair, d.files, email)
    await queueOne(d.fair, d.files)
    await queueOne(d.office, d.files, email)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    const summary = await importQueue(d.office, d.file, PASSPHRASE)
    expect(summary).toMatchObject({ records: 1, skipped: 0 })
    expect(summary.conflicts).toEqual([
      d.fair.outbox.list({ state: null, after: null, limit: 5 }).items.find((i) => i.clientId === clash)
        ?.reference,
    ])
  })

  it('says so clearly on a wrong passphrase, a damaged file or a file cut short', async () => {
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await expect(importQueue(d.office, d.file, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    })

    const bytes = readFileSync(d.file)
    const altered = Buffer.from(bytes)
    altered[altered.length - 40]! ^= 1
    writeFileSync(d.file, altered)
    await expect(importQueue(d.office, d.file, PASSPHRASE)).rejects.toMatchObject({ code: 'export_damaged' })

    writeFileSync(d.file, bytes.subarray(0, bytes.length - 100))
    await expect(importQueue(d.office, d.file, PASSPHRASE)).rejects.toMatchObject({
      code: 'export_truncated',
    })

    writeFileSync(d.file, 'hello')
    await expect(importQueue(d.office, d.file, PASSPHRASE)).rejects.toMatchObject({ code: 'not_an_export' })
  })
})
