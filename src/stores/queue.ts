import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, unwrap } from '../api'
import type { Correction, OutboxState, QueueItem } from '../domain/sync/queue'
import { useRegistrationStore } from './registration'
import { useUiStore } from './ui'

export const QUEUE_PAGE = 50
/** The most a refresh reloads at once (the contract's page limit). */
const MAX_RELOAD = 200

/** A record whose state changed while the list was on screen, for the live region. */
export interface StateChange {
  reference: string
  state: OutboxState
}

/**
 * The queue screen's list: newest first, a page at a time, reloaded as the core announces changes,
 * and the record being corrected, whose server complaints the form shows on its fields.
 */
export const useQueueStore = defineStore('queue', () => {
  const items = ref<QueueItem[]>([])
  const next = ref<string | null>(null)
  const filter = ref<OutboxState | null>(null)
  const loaded = ref(false)
  /** The core left the names out (nobody signed in): the table says so instead of blank cells. */
  const namesHidden = ref(false)
  const changes = ref<StateChange[]>([])
  /** Set by `correct`, taken by the form once it showed the complaints. */
  const correction = shallowRef<Correction | null>(null)
  let ticket = 0

  /** Reloads as many records as are shown (at least a page), telling which ones changed state. */
  async function refresh() {
    const mine = ++ticket
    const limit = Math.min(MAX_RELOAD, Math.max(QUEUE_PAGE, items.value.length))
    const page = await unwrap(api().listQueue({ state: filter.value, after: null, limit }))
    if (mine !== ticket) return
    const before = new Map(items.value.map((item) => [item.clientId, item.state]))
    changes.value = loaded.value
      ? page.items
          .filter((item) => before.has(item.clientId) && before.get(item.clientId) !== item.state)
          .map(({ reference, state }) => ({ reference, state }))
      : []
    items.value = page.items
    next.value = page.next
    namesHidden.value = page.namesHidden
    loaded.value = true
  }

  /** The desk was locked: the page keeps no student's name in memory until someone signs in again. */
  function forget() {
    ++ticket
    items.value = []
    next.value = null
    loaded.value = false
    changes.value = []
  }

  async function more() {
    if (!next.value) return
    const mine = ++ticket
    const page = await unwrap(api().listQueue({ state: filter.value, after: next.value, limit: QUEUE_PAGE }))
    if (mine !== ticket) return
    items.value = [...items.value, ...page.items]
    next.value = page.next
    namesHidden.value = page.namesHidden
  }

  async function show(state: OutboxState | null) {
    filter.value = state
    items.value = []
    loaded.value = false
    await refresh()
  }

  async function discard(item: QueueItem, reference: string) {
    await unwrap(api().discardRecord({ clientId: item.clientId, reference }))
    items.value = items.value.filter((i) => i.clientId !== item.clientId)
  }

  /**
   * "Correct": the core makes the refused record the draft again; the register screen then opens it
   * like a draft in progress, under the same clientId, and shows what the server said on the fields.
   */
  async function correct(item: QueueItem) {
    const registration = useRegistrationStore()
    correction.value = await unwrap(api().reopenForCorrection({ clientId: item.clientId }))
    await registration.start()
    registration.resume()
    useUiStore().screen = 'register'
  }

  /** The complaints for the form showing `clientId`, once: a later visit shows the form as it is. */
  function takeCorrection(clientId: string): Correction | null {
    const taken = correction.value?.clientId === clientId ? correction.value : null
    if (taken) correction.value = null
    return taken
  }

  return {
    items,
    next,
    filter,
    loaded,
    namesHidden,
    changes,
    correction,
    refresh,
    more,
    forget,
    show,
    discard,
    correct,
    takeCorrection,
  }
})
