import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '../api'
import type { ScanEntry } from '../domain/ipc/events'
import type { DocumentSummary } from '../domain/queue/documents'
import type { DocumentKind } from '../domain/queue/states'
import { GuichetFailure } from '../domain/result'
import { pickFiles } from '../pick-files'

/** A failure as the slot shows it: the translated sentence for its code, else the core's own message. */
export interface SlotError {
  code: string
  message: string
}

const failureOf = (error: unknown): SlotError =>
  error instanceof GuichetFailure
    ? { code: error.code, message: error.message }
    : { code: 'internal', message: String(error) }

/**
 * The documents of the registration being filled, kept as the core answers them, and the scans the
 * desk's scanner saved. Every way a file comes in (dialog, drop, scanner tray) ends in `attach`, so
 * the core's one inspection judges them all.
 */
export const useDocumentsStore = defineStore('documents', () => {
  const clientId = ref<string>()
  const documents = ref<DocumentSummary[]>([])
  const busy = ref<Record<DocumentKind, boolean>>({ identity: false, enrollment: false })
  const errors = ref<Partial<Record<DocumentKind, SlotError>>>({})
  /** The last thing done, for the slot's polite live region. */
  const announced = ref<{ key: string; name: string }>()
  const scans = ref<ScanEntry[]>([])
  /** The last scan taken from the scanner folder, which the core then removed from it (the tray says so). */
  const movedScan = ref<string>()
  let unsubscribe: (() => void) | undefined

  async function load(id: string) {
    clientId.value = id
    errors.value = {}
    documents.value = []
    // The live region must not still name the previous student's file.
    announced.value = undefined
    const listed = await unwrap(api().listDocuments({ clientId: id }))
    if (clientId.value === id) documents.value = listed
  }

  const ofKind = (kind: DocumentKind) => documents.value.filter((doc) => doc.kind === kind)

  /** Runs one slot's action with its busy flag and error line; resolves to false when it failed. */
  async function act(kind: DocumentKind, work: () => Promise<void>): Promise<boolean> {
    busy.value[kind] = true
    errors.value[kind] = undefined
    try {
      await work()
      return true
    } catch (error) {
      errors.value[kind] = failureOf(error)
      return false
    } finally {
      busy.value[kind] = false
    }
  }

  async function attachOne(kind: DocumentKind, path: string): Promise<DocumentSummary> {
    const id = clientId.value
    if (!id) throw new GuichetFailure('not_a_draft', 'No registration is being filled.')
    const added = await unwrap(api().attachDocument({ clientId: id, kind, path }))
    if (clientId.value === id) documents.value = [...documents.value, added]
    announced.value = { key: 'documents.added', name: added.fileName }
    if (added.movedFromScanner) movedScan.value = added.fileName
    return added
  }

  /** Where a file the page holds is, for the core (see GuichetApi.pathForFile). */
  const pathOf = async (source: string | File): Promise<string> =>
    typeof source === 'string' ? source : unwrap(api().pathForFile(source))

  /**
   * Attaches the files in order (paths from the dialog or the tray, Files dropped or picked in the
   * page); the first refusal stops there and is shown on the slot.
   */
  const attach = (kind: DocumentKind, sources: readonly (string | File)[]) =>
    act(kind, async () => {
      for (const source of sources) await attachOne(kind, await pathOf(source))
    })

  async function choose(kind: DocumentKind) {
    let picked: (string | File)[] = []
    const chose = await act(kind, async () => {
      picked = await pickFiles(kind, true)
    })
    if (chose && picked.length) await attach(kind, picked)
  }

  async function dropOut(doc: DocumentSummary) {
    await unwrap(api().removeDocument({ id: doc.id }))
    documents.value = documents.value.filter((d) => d.id !== doc.id)
  }

  const remove = (doc: DocumentSummary) =>
    act(doc.kind, async () => {
      await dropOut(doc)
      announced.value = { key: 'documents.removed', name: doc.fileName }
    })

  /**
   * Swaps a file for one chosen in the dialog. The new file is taken in first, so a refused one
   * leaves the old in place; only a full slot makes room before it.
   */
  async function replace(doc: DocumentSummary) {
    let picked: string | File | undefined
    const chose = await act(doc.kind, async () => {
      picked = (await pickFiles(doc.kind, false))[0]
    })
    if (!chose || !picked) return
    const source = picked
    await act(doc.kind, async () => {
      const chosen = await pathOf(source)
      try {
        await attachOne(doc.kind, chosen)
      } catch (error) {
        if (!(error instanceof GuichetFailure && error.code === 'slot_full')) throw error
        await dropOut(doc)
        await attachOne(doc.kind, chosen)
        return
      }
      await dropOut(doc)
    })
  }

  const setChecked = (doc: DocumentSummary, checked: boolean) =>
    act(doc.kind, async () => {
      await unwrap(api().setDocumentChecked({ id: doc.id, checked }))
      documents.value = documents.value.map((d) => (d.id === doc.id ? { ...d, checked } : d))
    })

  /** Follows the scanner tray; called by every slot group, subscribes once. */
  async function watchScans() {
    unsubscribe ??= api().on('scansChanged', (entries) => (scans.value = entries))
    scans.value = await unwrap(api().listScans())
  }

  /** The sworn statement as a PDF; the form is the draft the core saved as the agent typed. */
  async function attestation(): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
    const id = clientId.value
    let made: { fileName: string; bytes: Uint8Array } | undefined
    await act('enrollment', async () => {
      if (!id) throw new GuichetFailure('attestation_needs_name', 'No registration is being filled.')
      const { fileName, base64 } = await unwrap(api().generateAttestation({ clientId: id }))
      made = { fileName, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) }
    })
    return made
  }

  return {
    clientId,
    documents,
    busy,
    errors,
    announced,
    scans,
    movedScan,
    load,
    ofKind,
    attach,
    choose,
    remove,
    replace,
    setChecked,
    watchScans,
    attestation,
  }
})
