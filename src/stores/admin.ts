import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '../api'
import type { AdminStatus } from '../domain/admin'
import { GuichetFailure } from '../domain/result'

export const isAdminRequired = (error: unknown): boolean =>
  error instanceof GuichetFailure && error.code === 'admin_required'

/**
 * Admin mode as the core holds it. The core locks it after ten idle minutes without telling the
 * page, so an `admin_required` answer is also how the page learns it is locked again.
 */
export const useAdminStore = defineStore('admin', () => {
  const status = ref<AdminStatus>()
  const unlocked = computed(() => status.value?.unlocked === true)

  async function load() {
    status.value = await unwrap(api().adminStatus())
  }

  async function unlock(pin: string) {
    status.value = await unwrap(api().unlockAdmin({ pin }))
  }

  async function lock() {
    status.value = await unwrap(api().lockAdmin())
  }

  async function setPin(pin: string) {
    status.value = await unwrap(api().setAdminPin({ pin }))
  }

  /** Runs an admin action; a refusal for want of admin mode marks the page locked and is rethrown. */
  async function guarded<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action()
    } catch (error) {
      if (isAdminRequired(error) && status.value) status.value = { ...status.value, unlocked: false }
      throw error
    }
  }

  return { status, unlocked, load, unlock, lock, setPin, guarded }
})
