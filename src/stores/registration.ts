import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, unwrap } from '../api'
import type { ResponseOf } from '../domain/ipc/contract'
import type { RegistrationDraft } from '../domain/registration/empty-form'
import { emptyRegistrationForm } from '../domain/registration/empty-form'
import { normaliseEmail } from '../domain/registration/email'
import type { GuichetError } from '../domain/result'

/** How long typing pauses before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 500

type OfferedDraft = NonNullable<ResponseOf<'loadDraft'>>

/** The student's name as the desk writes it: first name, then the surname in capitals. */
export const studentName = (form: RegistrationDraft): string =>
  [form.firstName?.trim(), form.lastName?.trim().toUpperCase()].filter(Boolean).join(' ')

/** Plain JSON: what IPC can clone (a reactive proxy is not), and what the sealed draft stores. */
const plain = (form: RegistrationDraft): string => JSON.stringify(form)

/**
 * The registration being captured: its clientId, the draft saved through the core as the agent types,
 * and the outcome of Submit. The values themselves live in the form; once a registration is submitted
 * this store keeps only its short reference, so nothing of the student stays on the desk's screen.
 */
export const useRegistrationStore = defineStore('registration', () => {
  const phase = ref<'loading' | 'offer' | 'form' | 'done'>('loading')
  const clientId = ref<string>(crypto.randomUUID())
  /**
   * When this student's form was first opened, kept with the draft: a scan that reached the scanner
   * folder before then may be the previous student's (the tray marks it), however late it is resumed.
   */
  const openedAt = ref(new Date())
  /** The draft found on start, until the agent resumes or discards it. */
  const offered = shallowRef<OfferedDraft | null>(null)
  /** What the form starts with: empty, or the resumed draft. */
  const initial = shallowRef<RegistrationDraft>(emptyRegistrationForm())
  const reference = ref<string>()
  /** Who was just registered, for the confirmation and its receipt; gone with "Nouveau dossier". */
  const registered = shallowRef<{ name: string; email: string }>()
  const draftError = ref<string>()
  const submitting = ref(false)
  /**
   * The id of the form's element the keyboard was last in (never a value): the form comes back there
   * after the privacy screen or another view unmounted it, mid-word as the agent left it.
   */
  const lastFocused = ref<string>()

  let timer: ReturnType<typeof setTimeout> | undefined
  /** The screen was left while Submit waited on the core: its success must not name the student again. */
  let leftWhileSubmitting = false
  let lastSaved = plain(initial.value)
  // One save at a time, in order, so an older form never lands after a newer one.
  let saving: Promise<unknown> = Promise.resolve()

  async function start() {
    const draft = await unwrap(api().loadDraft())
    offered.value = draft
    phase.value = draft ? 'offer' : 'form'
  }

  function begin(form: RegistrationDraft, id: string, opened = new Date()) {
    clientId.value = id
    openedAt.value = opened
    initial.value = form
    lastSaved = plain(form)
    offered.value = null
    reference.value = undefined
    registered.value = undefined
    draftError.value = undefined
    lastFocused.value = undefined
    phase.value = 'form'
  }

  function resume() {
    if (offered.value) begin(offered.value.form, offered.value.clientId, new Date(offered.value.openedAt))
  }

  async function discard() {
    if (offered.value) await unwrap(api().discardDraft({ clientId: offered.value.clientId }))
    begin(emptyRegistrationForm(), crypto.randomUUID())
  }

  function cancelPendingSave() {
    clearTimeout(timer)
    timer = undefined
  }

  /** Saves now if the form changed since the last save (on blur, or when typing pauses). */
  function saveDraft(form: RegistrationDraft): Promise<unknown> {
    cancelPendingSave()
    const json = plain(form)
    if (phase.value !== 'form' || submitting.value || json === lastSaved) return saving
    lastSaved = json
    const request = {
      clientId: clientId.value,
      form: JSON.parse(json) as RegistrationDraft,
      openedAt: openedAt.value.toISOString(),
    }
    saving = saving.then(async () => {
      const result = await api().saveDraft(request)
      draftError.value = result.ok ? undefined : 'errors.draft_not_saved'
    })
    return saving
  }

  function saveDraftSoon(form: RegistrationDraft) {
    cancelPendingSave()
    timer = setTimeout(() => void saveDraft(form), DRAFT_SAVE_DELAY_MS)
  }

  /** Stores the registration through the core; answers the core's refusal, if any, for the form to show. */
  async function submit(form: RegistrationDraft): Promise<GuichetError | undefined> {
    cancelPendingSave()
    submitting.value = true
    leftWhileSubmitting = false
    const result = await saving
      .then(() =>
        api().submitRegistration({
          clientId: clientId.value,
          form: JSON.parse(plain(form)) as RegistrationDraft,
        }),
      )
      .finally(() => (submitting.value = false))
    if (!result.ok) return result.error
    // The record is queued; its reference stays in the queue screen, not on a screen nobody watches.
    if (leftWhileSubmitting) {
      startNext()
      return undefined
    }
    initial.value = emptyRegistrationForm()
    reference.value = result.value.reference
    registered.value = { name: studentName(form), email: normaliseEmail(form.email ?? '') }
    phase.value = 'done'
    return undefined
  }

  /** The form leaves the screen (the agent opened another one): it comes back as it was. */
  function keep(form: RegistrationDraft) {
    if (phase.value !== 'form') return
    initial.value = JSON.parse(plain(form)) as RegistrationDraft
    void saveDraft(form)
  }

  /** "New registration": an empty form under a new clientId. */
  const startNext = () => begin(emptyRegistrationForm(), crypto.randomUUID())

  /**
   * The confirmation leaves the screen (another screen, the privacy cover, the header's "Nouveau
   * dossier"): the student it names goes with it, so whoever comes next finds an empty form.
   */
  function closeConfirmation() {
    if (phase.value === 'done') startNext()
    else if (submitting.value) leftWhileSubmitting = true
  }

  return {
    phase,
    clientId,
    openedAt,
    offered,
    initial,
    reference,
    registered,
    draftError,
    submitting,
    lastFocused,
    start,
    resume,
    discard,
    saveDraft,
    saveDraftSoon,
    submit,
    keep,
    startNext,
    closeConfirmation,
  }
})
