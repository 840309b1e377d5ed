import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DocumentSlots from '../../src/components/documents/DocumentSlots.vue'
import type { ScanEntry } from '../../src/domain/ipc/events'
import type { DocumentSummary } from '../../src/domain/queue/documents'
import type { Result } from '../../src/domain/result'
import { deskSettingsSchema } from '../../src/domain/settings'
import { i18n } from '../../src/i18n'
import { useDeskStore } from '../../src/stores/desk'

const clientId = '3f0e1d2c-4b5a-4697-8876-a5b4c3d2e1f0'
// A 1 × 1 PNG, the stored bytes every document reads back as.
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='

/**
 * window.guichet as the core answers it, kept in memory: a path named bad.* is refused as the core's
 * inspection would, anything else is taken in.
 */
function fakeDesk() {
  const state = {
    documents: [] as DocumentSummary[],
    dialog: [] as string[][],
    scans: [] as ScanEntry[],
    attached: [] as string[],
    listeners: new Map<string, (payload: unknown) => void>(),
  }
  const ok = async <T>(value: T): Promise<Result<T>> => ({ ok: true, value })
  const api = {
    listDocuments: () => ok(state.documents.filter(() => true)),
    chooseFiles: () => ok(state.dialog.shift() ?? []),
    attachDocument: async ({ kind, path }: { kind: DocumentSummary['kind']; path: string }) => {
      state.attached.push(path)
      const fileName = path.split('/').pop() ?? path
      if (fileName.startsWith('bad.'))
        return { ok: false, error: { code: 'type_mismatch', message: 'named .pdf but holding nothing' } }
      if (fileName.startsWith('odd.'))
        return { ok: false, error: { code: 'brand_new_code', message: 'The core says why.' } }
      if (state.documents.filter((d) => d.kind === kind).length >= (kind === 'identity' ? 3 : 2))
        return { ok: false, error: { code: 'slot_full', message: 'full' } }
      const doc: DocumentSummary = {
        id: crypto.randomUUID(),
        kind,
        fileName,
        mediaType: 'image/png',
        size: 2048,
        sha256: '0'.repeat(64),
        checked: false,
      }
      state.documents.push(doc)
      // The core removes a scan taken from the scanner folder, and says so.
      return ok(path.startsWith('/scanner/') ? { ...doc, movedFromScanner: true as const } : doc)
    },
    removeDocument: ({ id }: { id: string }) => {
      state.documents = state.documents.filter((d) => d.id !== id)
      return ok(null)
    },
    setDocumentChecked: ({ id, checked }: { id: string; checked: boolean }) => {
      state.documents = state.documents.map((d) => (d.id === id ? { ...d, checked } : d))
      return ok(null)
    },
    readDocument: () => ok({ mediaType: 'image/png', base64: PIXEL }),
    listScans: () => ok(state.scans),
    generateAttestation: () =>
      ok({ fileName: 'attestation-sur-l-honneur.pdf', base64: btoa('%PDF-1.7 test') }),
    getAppInfo: () => ok({ name: 'Guichet', version: 'test', host: 'web', dataDir: '/tmp' }),
    getSettings: () => ok(deskSettingsSchema.cast({})),
    on: (event: string, listener: (payload: unknown) => void) => {
      state.listeners.set(event, listener)
      return () => state.listeners.delete(event)
    },
    pathForFile: (file: File) => ok(`/dropped/${file.name}`),
    pagePicksFiles: () => false,
  }
  Object.defineProperty(window, 'guichet', { value: api, configurable: true })
  return state
}

let desk: ReturnType<typeof fakeDesk>

beforeEach(() => {
  setActivePinia(createPinia())
  desk = fakeDesk()
})

async function render(props: { noIne: boolean; notEnrolledYet?: boolean } = { noIne: false }) {
  const wrapper = mount(DocumentSlots, {
    props: { clientId, ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

const slot = (wrapper: Awaited<ReturnType<typeof render>>, kind: 'identity' | 'enrollment') =>
  wrapper.get(`[data-slot="${kind}"]`)

const button = (within: { findAll(selector: string): { text(): string }[] }, text: string) =>
  within.findAll('button').find((b) => b.text() === text) as unknown as { trigger(e: string): Promise<void> }

describe('the document slots', () => {
  it('are two labelled groups that state their rules, the enrollment one required without an INE', async () => {
    const wrapper = await render({ noIne: false })
    const groups = wrapper.findAll('[role="group"]')
    const names = groups.map((group) => document.getElementById(group.attributes('aria-labelledby') ?? ''))
    expect(names.map((title) => title?.textContent)).toEqual([
      expect.stringContaining('Pièce justificative d’identité'),
      expect.stringContaining('Pièce justificative étudiante'),
    ])
    expect(slot(wrapper, 'identity').text()).toContain('Passeport avec le visa')
    expect(slot(wrapper, 'enrollment').text()).toContain('Facultatif')

    await wrapper.setProps({ noIne: true })
    expect(slot(wrapper, 'enrollment').text()).toContain('Obligatoire')
    expect(slot(wrapper, 'enrollment').text()).toContain('l’étudiant n’a pas d’INE')
    wrapper.unmount()
  })

  it('attaches the files chosen in the dialog, shows them, and stops at the slot’s limit', async () => {
    const wrapper = await render()
    desk.dialog.push(['/scans/passport.png', '/scans/visa.png'], ['/scans/permit.png'])
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()

    const identity = slot(wrapper, 'identity')
    expect(identity.findAll('.name').map((n) => n.text())).toEqual(['passport.png', 'visa.png', 'permit.png'])
    expect(identity.text()).toContain('3 fichiers sur 3')
    expect(
      identity
        .findAll('button')
        .find((b) => b.text() === 'Choisir un fichier…')
        ?.attributes(),
    ).toHaveProperty('disabled')
    expect(identity.get('img').attributes('src')).toMatch(/^data:image\/png;base64,/)
    wrapper.unmount()
  })

  it('explains a refusal in the desk’s language, or in the core’s words for a code it does not know', async () => {
    const wrapper = await render()
    desk.dialog.push(['/scans/bad.pdf'], ['/scans/odd.pdf'])
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()
    expect(slot(wrapper, 'identity').get('[role="alert"]').text()).toContain(
      'Le nom du fichier et son contenu ne correspondent pas',
    )
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()
    expect(slot(wrapper, 'identity').get('[role="alert"]').text()).toBe('The core says why.')
    wrapper.unmount()
  })

  it('replaces a file only once the new one is accepted, and removes one', async () => {
    const wrapper = await render()
    desk.dialog.push(['/scans/old.png'], ['/scans/bad.png'], ['/scans/new.png'])
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()
    // "Remplacer" asks first; "Garder" leaves the file, "Choisir le nouveau fichier…" opens the dialog.
    const replace = async () => {
      await slot(wrapper, 'identity').get('button[aria-label^="Remplacer"]').trigger('click')
      await button(slot(wrapper, 'identity'), 'Choisir le nouveau fichier…').trigger('click')
    }
    await slot(wrapper, 'identity').get('button[aria-label^="Remplacer"]').trigger('click')
    await button(slot(wrapper, 'identity'), 'Garder').trigger('click')
    expect(desk.dialog).toHaveLength(2)

    await replace()
    await flushPromises()
    expect(
      slot(wrapper, 'identity')
        .findAll('.name')
        .map((n) => n.text()),
    ).toEqual(['old.png'])
    await replace()
    await flushPromises()
    expect(
      slot(wrapper, 'identity')
        .findAll('.name')
        .map((n) => n.text()),
    ).toEqual(['new.png'])

    await slot(wrapper, 'identity').get('[aria-label="Retirer new.png"]').trigger('click')
    await flushPromises()
    expect(desk.documents).toEqual([])
    expect(slot(wrapper, 'identity').findAll('.name')).toHaveLength(0)
    wrapper.unmount()
  })

  it('takes a dropped file by the path the preload gives, and ticks "Pièce vérifiée" through the core', async () => {
    const wrapper = await render()
    const files = [new File(['x'], 'dropped.png', { type: 'image/png' })]
    const dataTransfer = { types: ['Files'], files, getData: () => '' }
    await slot(wrapper, 'identity').trigger('drop', { dataTransfer })
    await flushPromises()
    expect(desk.attached).toEqual(['/dropped/dropped.png'])

    await slot(wrapper, 'identity').get('input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(desk.documents[0]?.checked).toBe(true)
    expect(slot(wrapper, 'enrollment').find('input[type="checkbox"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('lists received scans when the desk has a scanner folder, and attaches one with a click or a drag', async () => {
    useDeskStore().settings = deskSettingsSchema.cast({ scannerFolder: '/scanner' })
    desk.scans = [
      {
        path: '/scanner/scan-001.pdf',
        fileName: 'scan-001.pdf',
        size: 10,
        modifiedAt: new Date().toISOString(),
      },
    ]
    const wrapper = await render()
    expect(wrapper.text()).toContain('Scans reçus')
    await wrapper.get('[aria-label="Identité : joindre scan-001.pdf à la pièce d’identité"]').trigger('click')
    await flushPromises()
    expect(desk.attached).toEqual(['/scanner/scan-001.pdf'])
    expect(wrapper.get('.tray [role="status"]').text()).toBe(
      'scan-001.pdf est maintenant dans le poste (chiffré)\u202f: il a été retiré du dossier du scanner.',
    )

    desk.listeners.get('scansChanged')?.([
      {
        path: '/scanner/scan-002.pdf',
        fileName: 'scan-002.pdf',
        size: 10,
        modifiedAt: new Date().toISOString(),
      },
    ])
    await flushPromises()
    expect(wrapper.text()).toContain('scan-002.pdf')
    const dataTransfer = {
      types: ['application/x-guichet-scan'],
      files: [],
      getData: (type: string) => (type === 'application/x-guichet-scan' ? '/scanner/scan-002.pdf' : ''),
    }
    await slot(wrapper, 'enrollment').trigger('drop', { dataTransfer })
    await flushPromises()
    expect(desk.attached).toEqual(['/scanner/scan-001.pdf', '/scanner/scan-002.pdf'])
    expect(desk.documents.map((d) => d.kind)).toEqual(['identity', 'enrollment'])
    wrapper.unmount()
  })

  it('shows the sworn statement to print at once, offers no file to download, and closed leads to the enrollment slot', async () => {
    const wrapper = await render({ noIne: true })
    const generate = slot(wrapper, 'enrollment')
      .findAll('button')
      .find((b) => b.text() === 'Générer l’attestation sur l’honneur')!
    ;(generate.element as HTMLButtonElement).focus()
    await generate.trigger('click')
    await flushPromises()
    const preview = wrapper.get('dialog')
    expect(preview.attributes()).toHaveProperty('open')
    expect(document.getElementById(preview.attributes('aria-labelledby')!)?.textContent).toBe(
      'Attestation sur l’honneur',
    )
    const enrollment = slot(wrapper, 'enrollment')
    expect(enrollment.text()).toContain('Elle n’est enregistrée nulle part sur cet ordinateur')
    expect(enrollment.findAll('button').map((b) => b.text())).toContain('Voir et imprimer')
    expect(wrapper.find('a[download]').exists()).toBe(false)
    expect(wrapper.find('a[href^="blob:"]').exists()).toBe(false)

    // Escape closes it (the dialog's own cancel); the next step is the signed scan.
    ;(preview.element as HTMLDialogElement).close()
    preview.element.dispatchEvent(new Event('close'))
    await flushPromises()
    expect(document.activeElement?.id).toBe('choose-enrollment')

    // A thumbnail's preview gives the keyboard back where it was.
    desk.dialog.push(['/scans/passport.png'])
    await button(slot(wrapper, 'identity'), 'Choisir un fichier…').trigger('click')
    await flushPromises()
    const thumb = slot(wrapper, 'identity').get('.thumb')
    ;(thumb.element as HTMLElement).focus()
    await thumb.trigger('click')
    ;(preview.element as HTMLDialogElement).close()
    preview.element.dispatchEvent(new Event('close'))
    await flushPromises()
    expect(document.activeElement).toBe(thumb.element)
    wrapper.unmount()
  })

  it('stops Enter on "Générer" while a student not yet enrolled still needs the statement', async () => {
    const stop = (wrapper: Awaited<ReturnType<typeof render>>) =>
      slot(wrapper, 'enrollment')
        .findAll('button')
        .find((b) => b.text() === 'Générer l’attestation sur l’honneur')
        ?.attributes('data-enter-stop')
    const enrolled = await render({ noIne: true, notEnrolledYet: false })
    expect(stop(enrolled)).toBeUndefined()
    enrolled.unmount()

    const wrapper = await render({ noIne: true, notEnrolledYet: true })
    expect(stop(wrapper)).toBe('')
    await button(slot(wrapper, 'enrollment'), 'Générer l’attestation sur l’honneur').trigger('click')
    await flushPromises()
    // Made: the stop moves on to "Choisir un fichier…", for its scan.
    expect(stop(wrapper)).toBeUndefined()
    expect(slot(wrapper, 'enrollment').get('#choose-enrollment').attributes('data-enter-stop')).toBe('')
    wrapper.unmount()
  })

  it('opens the passport slot’s chooser on Alt+P from anywhere, shown in its hint, but not behind a dialog', async () => {
    const wrapper = await render()
    const elsewhere = document.body.appendChild(document.createElement('input'))
    elsewhere.focus()
    const altP = () =>
      elsewhere.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'p',
          code: 'KeyP',
          altKey: true,
          bubbles: true,
          cancelable: true,
        }),
      )
    expect(slot(wrapper, 'identity').text()).toContain('Raccourci\u00a0: Alt+P, depuis tout le formulaire.')
    expect(slot(wrapper, 'identity').get('#choose-identity').attributes('aria-keyshortcuts')).toBe('Alt+P')

    desk.dialog.push(['/scans/passport.png'])
    expect(altP()).toBe(false) // taken: the browser does nothing else with it
    await flushPromises()
    expect(desk.attached).toEqual(['/scans/passport.png'])
    expect(document.activeElement?.id).toBe('choose-identity')

    // Ctrl+Alt+P is AltGr+P on a Windows layout: a character, left alone.
    elsewhere.focus()
    const altGr = new KeyboardEvent('keydown', {
      key: 'p',
      code: 'KeyP',
      altKey: true,
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
    })
    expect(elsewhere.dispatchEvent(altGr)).toBe(true)

    wrapper.get('dialog').element.setAttribute('open', '')
    desk.dialog.push(['/scans/visa.png'])
    altP()
    await flushPromises()
    expect(desk.attached).toEqual(['/scans/passport.png'])
    elsewhere.remove()
    wrapper.unmount()
  })
})
