import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { attachFile } from '../../../electron/core/registrations/attach'
import type { Core } from '../../../electron/core/core'
import { exportQueue } from '../../../electron/core/transfer/export'
import { MIN_COST } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import { deskOf, studentForm } from '../sync/desk'
import { PASSPHRASE, useTwoDesks } from '../transfer/two-desks'

const d = useTwoDesks()

/** Submits, through the core, a registration whose student lives at `postalCode` in France. */
async function submitAt(core: Core, postalCode: string) {
  const clientId = randomUUID()
  await attachFile(core, clientId, 'identity', d.files.identity)
  await attachFile(core, clientId, 'enrollment', d.files.enrollment)
  const form = studentForm()
  form.contact = { ...form.contact, postalCode, city: 'Paris', country: 'FR' }
  return core.registrations.submit(clientId, form, deskOf(core), core.reference.context(core.now()))
}

describe('a French postal code in the core', () => {
  it('queues a well-formed code the communes list lacks (a new CEDEX), as the form lets it through', async () => {
    expect(d.fair.reference.postalCodes.has('75099')).toBe(false)
    const receipt = await submitAt(d.fair, '75099')
    expect(receipt.reference).toMatch(/^G-/)
    expect(d.fair.outbox.counts().queued).toBe(1)
  })

  it('refuses 99999 with the département code, on the postal code field', async () => {
    await expect(submitAt(d.fair, '99999')).rejects.toMatchObject({
      code: 'invalid_registration',
      fields: [expect.objectContaining({ path: 'contact.postalCode', code: 'postal_code_department' })],
    })
    expect(d.fair.outbox.counts().queued).toBe(0)
  })

  it('takes such a record in from another desk’s export', async () => {
    await submitAt(d.fair, '75099')
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 1, skipped: 0 })
    expect(d.office.outbox.counts().queued).toBe(1)
  })
})
