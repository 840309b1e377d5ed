import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { queueOne } from '../sync/desk'
import { PASSPHRASE, useTwoDesks } from './two-desks'

const d = useTwoDesks()

/** A desk's channels as the page calls them, its file dialog answering `answers` in turn. */
function channels(core: Core, answers: (string | null)[]) {
  const handlers = createHandlers(core, {
    chooseFiles: () => [],
    chooseTransferFile: () => answers.shift() ?? null,
  })
  return (channel: 'chooseTransferFile' | 'exportQueue' | 'importQueue', request: unknown) =>
    dispatch(handlers, channel, request, core.admin)
}

// Each export derives a scrypt key of 128 MiB: slow on a loaded machine, whatever the code does.
describe('export and import take only a file chosen in the dialog', { timeout: 120_000 }, () => {
  it('refuses a path the page names itself, and leaves that file as it was', async () => {
    await queueOne(d.fair, d.files)
    const profile = join(dirname(d.file), '.bashrc')
    writeFileSync(profile, 'export PATH=$HOME/bin:$PATH\n')
    const call = channels(d.fair, [])
    for (const path of [profile, d.file, 'queue.guichet']) {
      expect(await call('exportQueue', { path, passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { code: 'transfer_file_not_chosen' },
      })
    }
    expect(readFileSync(profile, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n')
    expect(existsSync(d.file)).toBe(false)
    expect(await call('importQueue', { path: profile, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'transfer_file_not_chosen' },
    })
  })

  it('writes where the save dialog pointed (adding .guichet), and imports only a file chosen to open', async () => {
    const clientId = await queueOne(d.fair, d.files)
    const chosen = d.file.replace(/\.guichet$/, '')
    const fair = channels(d.fair, [chosen])
    // The GTK save dialog does not add the filter's extension: the core does.
    expect(await fair('chooseTransferFile', { mode: 'save' })).toEqual({ ok: true, value: d.file })
    expect(await fair('exportQueue', { path: d.file, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { records: 1 },
    })

    const office = channels(d.office, [d.file, join(dirname(d.file), 'notes.txt')])
    // Chosen to save is not chosen to open, and the other way round.
    expect(await office('importQueue', { path: d.file, passphrase: PASSPHRASE })).toMatchObject({
      error: { code: 'transfer_file_not_chosen' },
    })
    expect(await office('chooseTransferFile', { mode: 'open' })).toEqual({ ok: true, value: d.file })
    expect(await office('exportQueue', { path: d.file, passphrase: PASSPHRASE })).toMatchObject({
      error: { code: 'transfer_file_not_chosen' },
    })
    expect(await office('importQueue', { path: d.file, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { records: 1 },
    })
    expect(d.office.outbox.stateOf(clientId)).toBe('queued')
    // A file that is no export is refused as soon as it is chosen.
    expect(await office('chooseTransferFile', { mode: 'open' })).toMatchObject({
      error: { code: 'transfer_file_type' },
    })
  })
})
