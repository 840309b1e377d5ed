import { afterEach, describe, expect, it } from 'vitest'
import type { Ref } from 'vue'
import type { AdminStatus } from '../../src/domain/admin'
import type { FieldError } from '../../src/domain/result'
import type { DeskSettings } from '../../src/domain/settings'
import type { ConnectionCheck } from '../../src/domain/sync/queue'
import { i18n } from '../../src/i18n'
import { byId, mountDesk, ok, settle, type } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

const settings: DeskSettings = {
  deskId: 'paris-salon-3',
  eventName: 'Salon 2026',
  deskContact: '',
  locale: 'fr',
  scannerFolder: '',
  backendUrl: 'https://api.example.fr',
  retentionDays: 30,
  idleLockMinutes: 5,
}

/** The desk on its settings screen, with admin mode as `admin` says until a handler changes it. */
async function settingsScreen(admin: AdminStatus, handlers: Parameters<typeof mountDesk>[0] = {}) {
  const mounted = await mountDesk({
    getSettings: () => ok(settings),
    adminStatus: () => ok(admin),
    getSyncStatus: () =>
      ok({ online: true, paused: false, stopped: null, lastSyncAt: null, uploading: null }),
    ...handlers,
  })
  unmount = () => mounted.wrapper.unmount()
  ;[...document.querySelectorAll<HTMLButtonElement>('header button')]
    .find((b) => b.textContent?.trim() === 'Réglages')
    ?.click()
  await settle()
  return mounted
}

/** The core's refusal of a request, naming the fields concerned (the message is never shown). */
const refused = (code: string, fields: FieldError[]) => ({
  ok: false as const,
  error: { code, message: 'refused', fields },
})

const button = (text: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('main button')].find((b) => b.textContent?.trim() === text)
/** Disabled itself or by its fieldset (happy-dom's :disabled does not look at the fieldset). */
const disabled = (id: string) => byId(id).disabled || byId(id).closest('fieldset[disabled]') !== null
const text = () => document.querySelector('main')?.textContent ?? ''

describe('the settings screen', () => {
  it('while the desk is provisioned, everything is open and the admin sets the first PIN, typed twice', async () => {
    const { calls } = await settingsScreen(
      { configured: false, unlocked: true },
      { setAdminPin: () => ok({ configured: true, unlocked: true }) },
    )
    expect(text()).toContain('Aucun code administrateur')
    expect(byId('desk-id').disabled).toBe(false)
    await type('admin-new-pin', '246810')
    await type('admin-pin-again', '246811')
    button('Définir un code administrateur')?.click()
    await settle()
    expect(text()).toContain('Les deux codes sont différents')
    // Said as an alert, and the field to retype marked, not the first one.
    expect(document.querySelector('main [role="alert"]')?.textContent).toContain(
      'Les deux codes sont différents',
    )
    expect(byId('admin-pin-again').getAttribute('aria-invalid')).toBe('true')
    expect(byId('admin-new-pin').getAttribute('aria-invalid')).toBeNull()
    expect(calls.setAdminPin).not.toHaveBeenCalled()
    await type('admin-pin-again', '246810')
    button('Définir un code administrateur')?.click()
    await settle()
    expect(calls.setAdminPin).toHaveBeenCalledWith({ pin: '246810' })
    expect(text()).toContain('Code administrateur enregistré.')
    expect(button('Changer le code administrateur')).toBeDefined()
    expect(button('Verrouiller')).toBeDefined()
  })

  it('while admin mode is locked, the fields are disabled with the reason, until the right PIN', async () => {
    const { calls } = await settingsScreen(
      { configured: true, unlocked: false },
      {
        unlockAdmin: ({ pin }: { pin: string }) =>
          pin === '246810'
            ? ok({ configured: true, unlocked: true })
            : { ok: false, error: { code: 'wrong_pin', message: 'wrong' } },
        lockAdmin: () => ok({ configured: true, unlocked: false }),
      },
    )
    for (const id of ['desk-id', 'backend-url', 'retention-days', 'desk-token', 'export-path', 'import-path'])
      expect(disabled(id), id).toBe(true)
    expect(byId('desk-id').closest('fieldset')?.getAttribute('aria-describedby')).toBe('settings-locked')
    expect(byId('settings-locked').textContent).toContain('Mode administrateur verrouillé')
    expect(byId('backend-url').value).toBe('https://api.example.fr')

    const pin = document.querySelector<HTMLInputElement>('.pin-prompt input[type="password"]')
    if (!pin) throw new Error('no PIN prompt')
    await type(pin.id, '111111')
    button('Déverrouiller')?.click()
    await settle()
    expect(text()).toContain('Ce n’est pas le code administrateur.')
    await type(pin.id, '246810')
    button('Déverrouiller')?.click()
    await settle()
    expect(calls.unlockAdmin).toHaveBeenLastCalledWith({ pin: '246810' })
    expect(disabled('desk-id')).toBe(false)
    button('Verrouiller')?.click()
    await settle()
    expect(disabled('desk-id')).toBe(true)
  })

  it('saves the desk token without ever showing it back', async () => {
    const { calls } = await settingsScreen(
      { configured: true, unlocked: true },
      { setDeskToken: () => ok({ tokenSet: true }) },
    )
    expect(byId('desk-token').type).toBe('password')
    await type('desk-token', 'tok_3f9a8b7c6d5e')
    button('Enregistrer le jeton')?.click()
    await settle()
    expect(calls.setDeskToken).toHaveBeenCalledWith({ token: 'tok_3f9a8b7c6d5e' })
    expect(text()).toContain('Jeton enregistré.')
    expect(byId('desk-token').value).toBe('')
    expect(document.body.innerHTML).not.toContain('tok_3f9a8b7c6d5e')
  })

  it('tells the result of "Tester la connexion" in words', async () => {
    const answers: ConnectionCheck[] = [
      { result: 'ok' },
      { result: 'captive_portal' },
      { result: 'unauthorized' },
      { result: 'unexpected', status: 500 },
      { result: 'server_error', status: 503 },
    ]
    await settingsScreen({ configured: true, unlocked: true }, { testConnection: () => ok(answers.shift()) })
    const said: string[] = []
    for (let i = 0; i < 5; i++) {
      button('Tester la connexion')?.click()
      await settle()
      said.push(document.querySelector('[data-testid="connection-result"]')?.textContent?.trim() ?? '')
    }
    expect(said).toEqual([
      'Connexion réussie : le serveur répond et accepte le jeton du poste.',
      'Le réseau demande une connexion (page de connexion du Wi-Fi) : ouvrez un navigateur pour vous connecter.',
      'Le serveur refuse ce jeton : enregistrez un nouveau jeton.',
      'Réponse inattendue du serveur (HTTP 500) : vérifiez l’adresse du serveur.',
      'Le serveur répond mais ne fonctionne pas pour l’instant (HTTP 503) : ce n’est pas le réseau. Le poste réessaiera tout seul ; si cela dure, prévenez l’équipe du serveur.',
    ])
  })

  it('names what the desk lacks after "Tester la connexion", in French and in English', async () => {
    const answers: ConnectionCheck[] = [
      { result: 'not_configured', missing: ['backendUrl', 'token'] },
      { result: 'not_configured', missing: ['deskId'] },
      { result: 'not_configured', missing: ['backendUrl', 'deskId', 'token'] },
    ]
    await settingsScreen({ configured: true, unlocked: true }, { testConnection: () => ok(answers.shift()) })
    const said = async () => {
      button(i18n.global.t('settings.connection.test'))?.click()
      await settle()
      return document.querySelector('[data-testid="connection-result"]')?.textContent?.trim()
    }
    expect(await said()).toBe(
      'Le poste n’est pas encore prêt\u00a0: il manque l’adresse du serveur et le jeton du poste. Enregistrez-le ci-dessus.',
    )
    expect(await said()).toBe(
      'Le poste n’est pas encore prêt\u00a0: il manque l’identifiant du poste. Enregistrez-le ci-dessus.',
    )
    ;(i18n.global.locale as unknown as Ref<string>).value = 'en'
    await settle()
    expect(document.querySelector('[data-testid="connection-result"]')?.textContent?.trim()).toBe(
      'This desk is not ready yet. Missing: desk id. Enroll it above.',
    )
    expect(await said()).toBe(
      'This desk is not ready yet. Missing: server address, desk id, and desk token. Enroll it above.',
    )
  })

  it('names each setting the core refused under its own field, not only the first', async () => {
    await settingsScreen(
      { configured: true, unlocked: true },
      {
        updateSettings: () =>
          refused('invalid_request', [
            { path: 'deskId', code: 'desk_id_format', message: 'desk_id_format' },
            { path: 'deskContact', code: 'too_long', message: 'too_long' },
          ]),
      },
    )
    await type('desk-id', 'Salon Paris 3')
    button('Enregistrer')?.click()
    await settle()
    const described = (id: string) =>
      (byId(id).getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((ref) => document.getElementById(ref)?.textContent ?? '')
        .join(' ')
    expect(described('desk-id')).toContain('Lettres, chiffres et tirets seulement')
    expect(described('desk-contact')).toContain('Ce texte est trop long.')
    expect(byId('desk-contact').getAttribute('aria-invalid')).toBe('true')
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('corrigez les champs signalés')
  })

  it('names both numbers that are not whole numbers at once', async () => {
    const { calls } = await settingsScreen(
      { configured: true, unlocked: true },
      { updateSettings: () => ok(settings) },
    )
    await type('retention-days', 'trente')
    await type('idle-lock-minutes', '2,5')
    button('Enregistrer')?.click()
    await settle()
    expect(calls.updateSettings).not.toHaveBeenCalled()
    expect(byId('retention-days').getAttribute('aria-invalid')).toBe('true')
    expect(byId('idle-lock-minutes').getAttribute('aria-invalid')).toBe('true')
    expect(text()).toContain('Un nombre entier de jours, de 0 à 3650.')
    expect(text()).toContain('Un nombre entier de minutes, de 1 à 60.')
  })

  it('shows the core’s refusal of a backend address on that field', async () => {
    const { calls } = await settingsScreen(
      { configured: true, unlocked: true },
      {
        updateSettings: () =>
          refused('invalid_request', [
            { path: 'backendUrl', code: 'backend-url', message: 'backend_url_format' },
          ]),
      },
    )
    await type('backend-url', 'http://192.168.1.20:8080')
    button('Enregistrer')?.click()
    await settle()
    expect(calls.updateSettings).toHaveBeenCalledWith(
      expect.objectContaining({
        backendUrl: 'http://192.168.1.20:8080',
        retentionDays: 30,
        idleLockMinutes: 5,
      }),
    )
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('http:// seulement vers ce poste')
    expect(byId('backend-url').getAttribute('aria-invalid')).toBe('true')
  })
})

describe('the export passphrase', () => {
  it('can be generated: both fields filled with it, shown once to be written down, and sent as is', async () => {
    const { calls } = await settingsScreen(
      { configured: true, unlocked: true },
      {
        chooseTransferFile: () => ok('/media/usb/file.guichet'),
        exportQueue: () => ok({ records: 2, documents: 4, skipped: 0, conflicts: [] }),
      },
    )
    button('Générer une phrase de passe')?.click()
    await settle()
    const generated = byId('export-passphrase').value
    expect(generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/)
    expect(byId('export-again').value).toBe(generated)
    expect(text()).toContain(`Phrase de passe à noter et à transmettre séparément du fichier : ${generated}`)
    // The file comes from the system dialog: the field only shows it.
    expect(byId('export-path').readOnly).toBe(true)
    document.querySelector<HTMLButtonElement>('#export-path ~ button')?.click()
    await settle()
    expect(calls.chooseTransferFile).toHaveBeenCalledWith({ mode: 'save' })
    ;[...document.querySelectorAll<HTMLButtonElement>('main button[type="submit"]')]
      .find((b) => b.textContent?.trim() === 'Exporter')
      ?.click()
    await settle()
    expect(calls.exportQueue).toHaveBeenCalledWith({ path: '/media/usb/file.guichet', passphrase: generated })
    expect(text()).not.toContain(generated)
  })
})

describe('what an export or an import did', () => {
  it('is said in a sentence that starts with a capital, nothing exported included', async () => {
    await settingsScreen(
      { configured: true, unlocked: true },
      {
        exportQueue: () => ok({ records: 0, documents: 0, skipped: 0, conflicts: [] }),
        importQueue: () => ok({ records: 1, documents: 2, skipped: 0, conflicts: [] }),
      },
    )
    const submit = (label: string) =>
      [...document.querySelectorAll<HTMLButtonElement>('main button[type="submit"]')]
        .find((b) => b.textContent?.trim() === label)
        ?.click()
    await type('export-path', '/media/usb/file.guichet')
    await type('export-passphrase', 'correct horse battery staple')
    await type('export-again', 'correct horse battery staple')
    submit('Exporter')
    await settle()
    expect(text()).toContain('Exportés : aucun dossier et aucun document.')
    await type('import-path', '/media/usb/file.guichet')
    await type('import-passphrase', 'correct horse battery staple')
    submit('Importer')
    await settle()
    expect(text()).toContain('Ajoutés à la file : 1 dossier et 2 documents ; aucun déjà présent.')
  })
})

describe('an import refused by the desk’s checks', () => {
  it('lists each refused registration with the reason, in words', async () => {
    await settingsScreen(
      { configured: true, unlocked: true },
      {
        chooseTransferFile: () => ok('/media/usb/file.guichet'),
        importQueue: () =>
          refused('import_refused', [
            { path: 'G-ABCD-EFGH.documents.0', code: 'pdf_active_content', message: 'x' },
            { path: 'G-JKLM-NPQR.requestBody', code: 'body_mismatch', message: 'x' },
          ]),
      },
    )
    document.querySelector<HTMLButtonElement>('#import-path ~ button')?.click()
    await settle()
    await type('import-passphrase', 'correct horse battery staple')
    ;[...document.querySelectorAll<HTMLButtonElement>('main button[type="submit"]')]
      .find((b) => b.textContent?.trim() === 'Importer')
      ?.click()
    await settle()
    expect(text()).toContain('rien n’a été importé')
    const items = [...document.querySelectorAll('main li')].map((li) => li.textContent)
    expect(items).toContain(
      'G-ABCD-EFGH (documents.0) : Le PDF contient du code ou des pièces jointes, refusés par sécurité : imprimez-le dans un nouveau PDF (qui les retire) ou scannez le document papier.',
    )
    expect(items).toContain(
      'G-JKLM-NPQR (requestBody) : La demande enregistrée dans le fichier ne correspond pas au dossier : demandez à l’autre poste un nouvel export.',
    )
  })
})

describe('a transfer file the desk will not take', () => {
  it('is said under "Choisir…" in words, instead of the button doing nothing', async () => {
    await settingsScreen(
      { configured: true, unlocked: true },
      { chooseTransferFile: () => refused('transfer_file_type', []) },
    )
    document.querySelector<HTMLButtonElement>('#import-path ~ button')?.click()
    await settle()
    expect(text()).toMatch(/Choisissez un fichier d’export Guichet\s:\sson nom se termine par \.guichet\./)
    expect(byId('import-path').value).toBe('')
  })
})
