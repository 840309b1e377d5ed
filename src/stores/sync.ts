import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '../api'
import type { QueueCounts, SyncStatus } from '../domain/ipc/events'

/** What the online indicator says, most pressing first. */
export type Connection =
  'unauthorized' | 'notConfigured' | 'keychainUnavailable' | 'paused' | 'online' | 'offline' | 'captivePortal'

/**
 * The sync as the core reports it (online, paused, stopped, the upload in progress, the last good
 * sync) and the queue's counts, both kept current by the core's events.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus>()
  const counts = ref<QueueCounts>()
  let subscribed = false

  /** Follows the core's events; called by every view that shows the sync, subscribes once. */
  async function watch() {
    if (!subscribed) {
      subscribed = true
      api().on('syncStatus', (next) => (status.value = next))
      api().on('queueChanged', (next) => (counts.value = next))
    }
    const [now, counted] = await Promise.all([api().getSyncStatus(), api().queueCounts()])
    // A core without a sync (an old desk in development) leaves the indicator out, not the page broken.
    if (now.ok) status.value = now.value
    if (counted.ok) counts.value = counted.value
  }

  const connection = computed((): Connection | undefined => {
    const s = status.value
    if (!s) return undefined
    if (s.stopped === 'unauthorized') return 'unauthorized'
    if (s.stopped === 'not_configured') return 'notConfigured'
    if (s.stopped === 'keychain_unavailable') return 'keychainUnavailable'
    if (s.paused) return 'paused'
    if (s.online) return 'online'
    return s.captivePortal ? 'captivePortal' : 'offline'
  })

  /** Registrations still on their way: what the queue's nav button counts. */
  const pending = computed(() =>
    counts.value
      ? Object.entries(counts.value).reduce((sum, [state, n]) => sum + (state === 'submitted' ? 0 : n), 0)
      : 0,
  )

  async function pause() {
    status.value = await unwrap(api().pauseSync())
  }

  async function resume() {
    status.value = await unwrap(api().resumeSync())
  }

  const retryNow = (clientId?: string) => unwrap(api().retryNow(clientId ? { clientId } : {}))

  return { status, counts, connection, pending, watch, pause, resume, retryNow }
})
