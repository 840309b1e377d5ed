import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '../api'
import type { Enrolled, EnrollmentStatus } from '../domain/enrollment/status'
import { useAdminStore } from './admin'
import { useDeskStore } from './desk'

/**
 * Whether the desk is enrolled and how the provisioning file at start went, kept current by the
 * core's enrollmentChanged event (a file read at start may finish after the page is up).
 */
export const useEnrollmentStore = defineStore('enrollment', () => {
  const status = ref<EnrollmentStatus>()
  /** Counts enrollments seen by this page, so forms holding the old settings are built again. */
  const generation = ref(0)
  let subscribed = false

  async function reloadSettings() {
    await useDeskStore().load()
    generation.value++
  }

  async function load() {
    if (!subscribed) {
      subscribed = true
      api().on('enrollmentChanged', (next) => {
        status.value = next
        // The settings changed under the page: the Settings screen shows the new ones.
        void reloadSettings()
      })
    }
    status.value = await unwrap(api().enrollmentStatus())
  }

  /** "Enroll this desk" (admin): the settings and the status are read again once it is done. */
  async function enroll(backendUrl: string, code: string): Promise<Enrolled> {
    const enrolled = await useAdminStore().guarded(() => unwrap(api().enrollDesk({ backendUrl, code })))
    await Promise.all([reloadSettings(), load()])
    return enrolled
  }

  /** The agent read the provisioning notice: the core forgets it, for this start and any that ends the same way. */
  async function dismissProvisioning() {
    const id = status.value?.provisioning?.id
    if (id) status.value = await unwrap(api().dismissProvisioning({ id }))
  }

  /** The admin accepts the other backend the provisioning notice names: the desk enrolls there. */
  async function acceptNewBackend() {
    const id = status.value?.provisioning?.id
    if (!id) return
    status.value = await useAdminStore().guarded(() => unwrap(api().acceptNewBackend({ id })))
    await reloadSettings()
  }

  return { status, generation, load, enroll, dismissProvisioning, acceptNewBackend }
})
