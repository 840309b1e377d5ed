import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { Ref } from 'vue'
import App from '../../src/App.vue'
import type { DeskEvent, DeskEvents, QueueCounts, SyncStatus } from '../../src/domain/ipc/events'
import { referenceOf } from '../../src/domain/queue/reference'
import type { QueueItem } from '../../src/domain/sync/queue'
import type { Result } from '../../src/domain/result'
import { i18n } from '../../src/i18n'
import { fakeGuichet, ok, settle } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

const counts = (patch: Partial<QueueCounts> = {}): QueueCounts => ({
  queued: 0,
  sending: 0,
  awaiting_documents: 0,
  retry_wait: 0,
  needs_attention: 0,
  submitted: 0,
  ...patch,
})

const status = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  online: true,
  paused: false,
  stopped: null,
  lastSyncAt: '2026-03-02T09:45:00.000Z',
  uploading: null,
  ...patch,
})

const item = (
  patch: Partial<QueueItem> & Pick<QueueItem, 'clientId' | 'reference' | 'state'>,
): QueueItem => ({
  name: 'OKONKWO Chidinma',
  email: 'chidinma@example.com',
  phone: null,
  capturedAt: '2026-03-02T09:30:00.000Z',
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  serverId: null,
  serverStatus: null,
  submittedAt: null,
  purgedAt: null,
  ...patch,
})

const taken = item({
  clientId: '6f1c2a7e-3b7d-4c55-9a1e-2f4b8c9d0e1f',
  reference: 'G-AAAA-BBBB',
  state: 'needs_attention',
  phone: '+33612345678',
  attempts: 1,
  lastError: { code: 'email_taken', message: 'This e-mail address already belongs to another account.' },
})
const waiting = item({
  clientId: '7a2d3b8f-4c8e-4d66-8b2f-3a5c9d0e1f20',
  reference: 'G-CCCC-DDDD',
  state: 'retry_wait',
  name: 'NGUYEN Lan',
  email: 'lan@example.com',
  attempts: 3,
  nextAttemptAt: '2026-03-02T10:00:00.000Z',
  lastError: { code: 'http_503', message: 'The backend is unavailable or busy (HTTP 503).' },
})
const purged = item({
  clientId: '8b3e4c90-5d9f-4e77-9c30-4b6d0e1f2031',
  reference: 'G-EEEE-FFFF',
  state: 'submitted',
  name: null,
  email: null,
  purgedAt: '2026-04-02T09:30:00.000Z',
})

type Handlers = Parameters<typeof fakeGuichet>[0]

/** The desk with window.guichet.on wired to `emit`, so a test can send the core's events. */
async function desk(handlers: Handlers = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls = fakeGuichet({
    getSyncStatus: () => ok(status()),
    queueCounts: () => ok(counts({ needs_attention: 1, retry_wait: 1, submitted: 1 })),
    listQueue: () => ok({ items: [taken, waiting, purged], next: null, namesHidden: false }),
    adminStatus: () => ok({ configured: true, unlocked: true }),
    ...handlers,
  })
  const api = window.guichet
  const on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set.add(listener))
    return () => set.delete(listener)
  }
  Object.defineProperty(window, 'guichet', {
    configurable: true,
    value: new Proxy(api, {
      get: (target, key: string) => (key === 'on' ? on : target[key as keyof typeof target]),
    }),
  })
  ;(i18n.global.locale as unknown as Ref<string>).value = 'fr'
  document.body.innerHTML = ''
  const wrapper = mount(App, { global: { plugins: [createPinia(), i18n] }, attachTo: document.body })
  unmount = () => wrapper.unmount()
  await settle()
  const emit = async <E extends DeskEvent>(event: E, payload: DeskEvents[E]) => {
    listeners.get(event)?.forEach((listener) => listener(payload))
    await settle()
  }
  return { calls, emit }
}

const headerButton = (text: RegExp) =>
  [...document.querySelectorAll<HTMLButtonElement>('header button')].find((b) =>
    text.test(b.textContent ?? ''),
  )
const mainButton = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('main button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  )
const row = (reference: string) =>
  [...document.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === reference)
const indicator = () => document.querySelector('[data-testid="online-indicator"]')?.textContent

async function openQueue() {
  headerButton(/^File d’attente/)?.click()
  await settle()
}

describe('the queue screen', () => {
  it('says why names are missing when the core left them out, as on a desk still without an admin PIN or agents', async () => {
    const hidden = { ...taken, name: null, email: null, phone: null }
    await desk({
      sessionStatus: () => ok({ operator: null, locked: false, operatorsExist: false }),
      adminStatus: () => ok({ configured: false, unlocked: true }),
      listQueue: () => ok({ items: [hidden], next: null, namesHidden: true }),
    })
    await openQueue()
    // No agent can sign in on a desk that has none: it says what will show the names there.
    expect(row('G-AAAA-BBBB')?.textContent).toContain(
      'Nom masqué\u00a0: définissez un code administrateur (Réglages) puis ouvrez le mode administrateur pour le voir.',
    )
  })

  it('on a desk with agents, asks for an agent to sign in to see the names', async () => {
    const hidden = { ...taken, name: null, email: null, phone: null }
    await desk({
      sessionStatus: () => ok({ operator: null, locked: false, operatorsExist: true }),
      adminStatus: () => ok({ configured: true, unlocked: false }),
      listQueue: () => ok({ items: [hidden], next: null, namesHidden: true }),
    })
    await openQueue()
    expect(row('G-AAAA-BBBB')?.textContent).toContain(
      'Nom masqué\u00a0: connectez-vous comme agent pour le voir.',
    )
  })

  it('counts what is still to send in the nav, and lists each record with its state and problem in words', async () => {
    await desk()
    expect(headerButton(/^File d’attente/)?.textContent?.trim()).toBe('File d’attente (2)')
    await openQueue()
    expect(document.querySelector('[data-testid="count-needs_attention"]')?.textContent).toContain(
      'À corriger : 1',
    )
    expect(row('G-AAAA-BBBB')?.textContent).toContain('OKONKWO Chidinma')
    expect(row('G-AAAA-BBBB')?.textContent).toContain('À corriger')
    expect(row('G-AAAA-BBBB')?.textContent).toContain('Cette adresse courriel a déjà un compte MesServices')
    // A code the desk has no sentence for still says what will happen: the desk retries by itself.
    expect(row('G-CCCC-DDDD')?.textContent).toContain('Nouvel essai prévu')
    expect(row('G-CCCC-DDDD')?.textContent).toContain('le poste réessaiera tout seul')
    expect(row('G-EEEE-FFFF')?.textContent).toContain('Données effacées')
    // A record to correct shows the phone beside the e-mail, to call the student back.
    expect(row('G-AAAA-BBBB')?.querySelector('.phone')?.textContent).toBe('+33612345678')
    expect(row('G-CCCC-DDDD')?.querySelector('.phone')).toBeNull()
    // The next try in words, never a code; "À corriger" loud, a zero count neutral.
    expect(row('G-CCCC-DDDD')?.textContent).toMatch(/Prochain essai\u00a0: dans \d+/)
    expect(document.querySelector('main')?.textContent).not.toMatch(/http_503|retry_wait|needs_attention/)
    expect(document.querySelector('[data-testid="count-needs_attention"]')?.classList).toContain('loud')
    expect(document.querySelector('[data-testid="count-sending"]')?.classList).toContain('zero')
    expect(document.querySelector('[data-testid="last-sync"]')?.textContent).toContain(
      'Dernière synchronisation réussie',
    )
    // Actions are named after their record for a screen reader, and offered only where they apply.
    expect(mainButton('Corriger G-AAAA-BBBB')).toBeDefined()
    expect(mainButton('Réessayer G-CCCC-DDDD')).toBeDefined()
    expect(mainButton('Corriger G-CCCC-DDDD')).toBeUndefined()
    expect(mainButton('Supprimer G-EEEE-FFFF')).toBeUndefined()
  })

  it('shows a sent record the server still lacks documents for as incomplete, saying what to do', async () => {
    const incomplete = item({
      clientId: '9c4f5da1-6e0a-4f88-8d41-5c7e1f203142',
      reference: 'G-GGGG-HHHH',
      state: 'submitted',
      serverId: 'srv-9',
      serverStatus: 'awaiting_documents',
    })
    await desk({ listQueue: () => ok({ items: [incomplete], next: null, namesHidden: false }) })
    await openQueue()
    const hint = row('G-GGGG-HHHH')?.querySelector('.hint')
    expect(hint?.textContent?.trim()).toBe(
      'Statut sur le serveur\u00a0: incomplet, documents manquants et compte de l’étudiant non créé\u00a0: enregistrez de nouveau l’étudiant avec ses documents',
    )
    expect(hint?.classList).toContain('incomplete')
  })

  it('offers to correct a record whose scan the desk lost only while the server does not hold it', async () => {
    const lost = { code: 'document_damaged', message: 'A scan’s file on this desk is damaged or incomplete.' }
    const before = item({
      clientId: 'ad5a6eb2-7f1b-4a99-9e52-6d8f20314253',
      reference: 'G-JJJJ-KKKK',
      state: 'needs_attention',
      lastError: lost,
    })
    const held = item({
      clientId: 'be6b7fc3-802c-4baa-8f63-7e9031425364',
      reference: 'G-MMMM-NNNN',
      state: 'needs_attention',
      lastError: lost,
      serverId: 'srv-7',
    })
    await desk({ listQueue: () => ok({ items: [before, held], next: null, namesHidden: false }) })
    await openQueue()
    expect(row('G-JJJJ-KKKK')?.querySelector('.problem')?.textContent).toBe(
      'Le fichier d’un scan sur le poste est abîmé ou incomplet\u00a0: corrigez le dossier et ajoutez le document à nouveau depuis l’original.',
    )
    expect(mainButton('Corriger G-JJJJ-KKKK')).toBeDefined()
    expect(row('G-MMMM-NNNN')?.querySelector('.problem')?.textContent).toMatch(
      /^Un scan de ce dossier ne peut plus être lu .* supprimez-le et enregistrez de nouveau l’étudiant avec le document\.$/,
    )
    expect(mainButton('Corriger G-MMMM-NNNN')).toBeUndefined()
    expect(mainButton('Supprimer G-MMMM-NNNN')).toBeDefined()
  })

  it('refreshes on the core’s queueChanged and announces the state change in a live region', async () => {
    const { emit, calls } = await desk()
    await openQueue()
    calls.listQueue.mockImplementation(async () =>
      ok({
        items: [taken, { ...waiting, state: 'submitted', lastError: null }, purged],
        next: null,
        namesHidden: false,
      }),
    )
    await emit('queueChanged', counts({ needs_attention: 1, submitted: 2 }))
    expect(row('G-CCCC-DDDD')?.textContent).toContain('Envoyé')
    expect(document.querySelector('main [aria-live="polite"]')?.textContent).toBe('G-CCCC-DDDD : Envoyé')
    expect(headerButton(/^File d’attente/)?.textContent?.trim()).toBe('File d’attente (1)')
  })

  it('shows the upload in progress with a progress bar, and pauses and resumes the sync', async () => {
    const { emit, calls } = await desk({
      pauseSync: () => ok(status({ paused: true })),
      resumeSync: () => ok(status()),
      retryNow: () => ok(null),
    })
    await openQueue()
    await emit(
      'syncStatus',
      status({ uploading: { clientId: waiting.clientId, sentBytes: 1_312_345, totalBytes: 2_712_345 } }),
    )
    const progress = document.querySelector('progress')
    expect(progress?.getAttribute('value')).toBe('1312345')
    expect(document.querySelector('.upload-progress')?.textContent).toContain(referenceOf(waiting.clientId))
    const words = () => document.querySelector('.upload-progress')?.textContent?.replace(/\s+/g, ' ')
    expect(words()).toContain('1,3 Mio sur 2,6 Mio')
    ;(i18n.global.locale as unknown as Ref<string>).value = 'en'
    await settle()
    expect(words()).toContain('1.3 MiB of 2.6 MiB')
    ;(i18n.global.locale as unknown as Ref<string>).value = 'fr'
    await settle()
    mainButton('Suspendre l’envoi')?.click()
    await settle()
    expect(calls.pauseSync).toHaveBeenCalled()
    expect(indicator()).toBe('Envoi suspendu')
    mainButton('Reprendre l’envoi')?.click()
    await settle()
    expect(indicator()).toBe('En ligne')
    mainButton('Réessayer G-CCCC-DDDD')?.click()
    await settle()
    expect(calls.retryNow).toHaveBeenCalledWith({ clientId: waiting.clientId })
  })

  it('discards only after the dialog named the record and its reference was typed again', async () => {
    const { calls } = await desk({ discardRecord: () => ok(null) })
    await openQueue()
    mainButton('Supprimer G-CCCC-DDDD')?.click()
    await settle()
    const dialog = document.querySelector('dialog')
    expect(dialog?.open).toBe(true)
    expect(dialog?.textContent).toContain('Supprimer le dossier G-CCCC-DDDD ?')
    expect(dialog?.textContent).toContain('NGUYEN Lan')
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.includes('définitivement'),
    )
    expect(confirm?.disabled).toBe(true)
    const input = dialog?.querySelector('input') as HTMLInputElement
    input.value = 'g-cccc-dddd'
    input.dispatchEvent(new Event('input'))
    await settle()
    confirm?.click()
    await settle()
    expect(calls.discardRecord).toHaveBeenCalledWith({ clientId: waiting.clientId, reference: 'G-CCCC-DDDD' })
    expect(row('G-CCCC-DDDD')).toBeUndefined()
    expect(document.querySelector('main [aria-live="polite"]')?.textContent).toContain(
      'G-CCCC-DDDD a été supprimé',
    )
  })

  it('asks for the admin PIN in the dialog when admin mode is locked, then discards', async () => {
    let unlocked = false
    const refused: Result<never> = { ok: false, error: { code: 'admin_required', message: 'locked' } }
    const { calls } = await desk({
      discardRecord: () => (unlocked ? ok(null) : refused),
      unlockAdmin: ({ pin }: { pin: string }) => {
        if (pin !== '246810') return { ok: false, error: { code: 'wrong_pin', message: 'wrong' } }
        unlocked = true
        return ok({ configured: true, unlocked: true })
      },
    })
    await openQueue()
    mainButton('Supprimer G-AAAA-BBBB')?.click()
    await settle()
    const dialog = document.querySelector('dialog') as HTMLDialogElement
    const reference = dialog.querySelector('input') as HTMLInputElement
    reference.value = 'G-AAAA-BBBB'
    reference.dispatchEvent(new Event('input'))
    await settle()
    ;[...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('définitivement'))?.click()
    await settle()
    expect(dialog.textContent).toContain('Cette action demande le mode administrateur')
    const pin = dialog.querySelector('input[type="password"]') as HTMLInputElement
    expect(document.activeElement).toBe(pin)
    const unlock = [...dialog.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Déverrouiller',
    )
    pin.value = '000000'
    pin.dispatchEvent(new Event('input'))
    await settle()
    unlock?.click()
    await settle()
    expect(dialog.textContent).toContain('Ce n’est pas le code administrateur.')
    expect(calls.discardRecord).toHaveBeenCalledTimes(1)
    pin.value = '246810'
    pin.dispatchEvent(new Event('input'))
    await settle()
    unlock?.click()
    await settle()
    expect(calls.discardRecord).toHaveBeenCalledTimes(2)
    expect(dialog.open).toBe(false)
    expect(row('G-AAAA-BBBB')).toBeUndefined()
  })
})

describe('the online indicator', () => {
  it('says in words whether the desk is online, offline, paused or must be provisioned again', async () => {
    const { emit } = await desk()
    expect(indicator()).toBe('En ligne')
    await emit('syncStatus', status({ online: false }))
    expect(indicator()).toBe('Hors ligne')
    await emit('syncStatus', status({ paused: true }))
    expect(indicator()).toBe('Envoi suspendu')
    await emit('syncStatus', status({ stopped: 'not_configured', online: false }))
    expect(indicator()).toBe('Poste non configuré (réglages incomplets)')
    await emit('syncStatus', status({ stopped: 'unauthorized' }))
    expect(indicator()).toBe('Poste à réinstaller : jeton refusé')
    expect(document.querySelector('header [role="status"]')?.textContent).toContain('Connexion :')
  })

  it('says a keychain locked since the start holds the sending, never that the desk is offline', async () => {
    const { emit } = await desk()
    await emit('syncStatus', status({ stopped: 'keychain_unavailable', online: false }))
    expect(indicator()).toBe('Envoi en attente : déverrouillez le trousseau de la session')
    await emit('syncStatus', status({ stopped: null, online: true }))
    expect(indicator()).toBe('En ligne')
  })
})
