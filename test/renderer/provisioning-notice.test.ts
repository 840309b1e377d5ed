import { afterEach, describe, expect, it } from 'vitest'
import type { EnrollmentStatus, ProvisioningOutcome } from '../../src/domain/enrollment/status'
import { mountDesk, ok, settle } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

const failed: ProvisioningOutcome = {
  id: 'a'.repeat(64),
  file: 'C:\\ProgramData\\Guichet\\desk.json',
  result: 'failed',
  deskId: null,
  error: { code: 'enrollment_code_expired', message: 'The code expired.' },
  codeRemoved: null,
}

const status = (provisioning: ProvisioningOutcome | null): EnrollmentStatus => ({
  enrolled: false,
  deskId: '',
  backendUrl: '',
  eventName: '',
  missing: ['backendUrl', 'deskId', 'token'],
  provisioning,
})

/** The desk as it starts, the core reporting `provisioning`; dismissing answers `afterDismiss`. */
async function start(provisioning: ProvisioningOutcome | null, afterDismiss = ok(status(null))) {
  const mounted = await mountDesk({
    getSyncStatus: () =>
      ok({ online: true, paused: false, stopped: null, lastSyncAt: null, uploading: null }),
    enrollmentStatus: () => ok(status(provisioning)),
    dismissProvisioning: () => afterDismiss,
  })
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const notice = () => document.querySelector('[data-testid="provisioning-notice"]')
const dismissButton = () =>
  document.querySelector<HTMLButtonElement>('[data-testid="provisioning-notice"] button')

/** What Tab visits, in order: enabled buttons, fields and links not taken out of the tab order. */
const tabOrder = () =>
  [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')].filter(
    (element) => !(element as HTMLButtonElement).disabled && element.tabIndex >= 0,
  )

describe('the provisioning notice', () => {
  it('is closed from the keyboard, tells the core which one was read, and hands focus to the screen', async () => {
    const { calls } = await start(failed)
    expect(notice()?.textContent).toContain('Ce code a expiré')
    const button = dismissButton()
    expect(button?.textContent?.trim()).toBe('Fermer ce message')
    // Reached with Tab right after the header's controls, before the form below it.
    const order = tabOrder()
    const headerControls = order.filter((element) => element.closest('.app-header')).length
    expect(order.indexOf(button!)).toBe(headerControls)

    button!.focus()
    button!.click()
    await settle()

    expect(calls.dismissProvisioning).toHaveBeenCalledWith({ id: failed.id })
    expect(notice()).toBeNull()
    expect(document.activeElement).toBe(document.querySelector('main'))
  })

  it('stays closed at a later start the core says was the same provisioning', async () => {
    // The core remembers the dismissal: the next start's status carries no provisioning outcome.
    await start(null)
    expect(notice()).toBeNull()
  })

  it('stays on screen, saying so, when the core could not record the dismissal', async () => {
    await start(failed, { ok: false, error: { code: 'disk_full', message: 'disk full' } } as never)
    dismissButton()!.click()
    await settle()
    expect(notice()?.textContent).toContain('Ce code a expiré')
    expect(notice()?.querySelectorAll('[role="alert"]')).toHaveLength(2)
  })

  it('says an enrollment at start, and closes the same way, in English too', async () => {
    const enrolled: ProvisioningOutcome = {
      ...failed,
      id: 'b'.repeat(64),
      result: 'enrolled',
      deskId: 'lyon-campus-2',
      error: null,
      codeRemoved: true,
    }
    const { calls } = await start(enrolled)
    document.querySelector<HTMLButtonElement>('.app-header .language-toggle')!.click()
    await settle()
    expect(notice()?.textContent).toContain('Desk enrolled at start from the provisioning file')
    expect(notice()?.textContent).toContain('lyon-campus-2')
    expect(dismissButton()?.textContent?.trim()).toBe('Dismiss this message')
    dismissButton()!.click()
    await settle()
    expect(calls.dismissProvisioning).toHaveBeenCalledWith({ id: enrolled.id })
    expect(notice()).toBeNull()
  })

  it('names both backends when the file asks for another one, and leaves accepting it to admin mode', async () => {
    const held: ProvisioningOutcome = {
      ...failed,
      id: 'c'.repeat(64),
      error: { code: 'provisioning_new_backend', message: 'Another backend.' },
      newBackendUrl: 'https://autre.example.org',
    }
    const enrolled = { ...status(null), enrolled: true, backendUrl: 'https://inscriptions.example.fr' }
    const mounted = await mountDesk({
      getSyncStatus: () =>
        ok({ online: true, paused: false, stopped: null, lastSyncAt: null, uploading: null }),
      enrollmentStatus: () => ok({ ...enrolled, provisioning: held }),
      acceptNewBackend: () => ({ ok: false, error: { code: 'admin_required', message: 'admin' } }) as never,
    })
    unmount = () => mounted.wrapper.unmount()
    const text = notice()?.textContent ?? ''
    expect(text).toContain('https://autre.example.org')
    expect(text).toContain('reste rattaché à https://inscriptions.example.fr')
    expect(text).toContain('déverrouillez le mode administrateur')
    const accept = document.querySelector<HTMLButtonElement>('[data-testid="provisioning-accept"]')!
    expect(accept.textContent?.trim()).toBe('Accepter ce serveur')
    accept.click()
    await settle()
    expect(mounted.calls.acceptNewBackend).toHaveBeenCalledWith({ id: held.id })
    expect(notice()?.textContent).toContain('Cette action demande le mode administrateur')
  })
})
