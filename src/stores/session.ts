import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '../api'
import type { DeskSession, OperatorSummary } from '../domain/people'

/**
 * Who is at the desk and whether the privacy screen covers it, as the core holds it. The page is
 * covered until the core says otherwise, so nothing of a student shows before the first answer.
 */
export const useSessionStore = defineStore('session', () => {
  const status = ref<DeskSession>()
  const operators = ref<OperatorSummary[]>([])
  const locked = computed(() => status.value?.locked !== false)
  let unsubscribe: (() => void) | undefined

  async function load() {
    unsubscribe ??= api().on('sessionChanged', (session) => (status.value = session))
    status.value = await unwrap(api().sessionStatus())
  }

  async function loadOperators() {
    operators.value = await unwrap(api().listOperators())
  }

  async function signIn(operatorId: string | null, pin: string) {
    status.value = await unwrap(api().signIn({ operatorId, pin }))
  }

  async function lock() {
    status.value = await unwrap(api().lockScreen())
  }

  async function signOut() {
    status.value = await unwrap(api().signOut())
  }

  async function addOperator(name: string, pin: string): Promise<OperatorSummary> {
    const added = await unwrap(api().addOperator({ name, pin }))
    await loadOperators()
    return added
  }

  async function removeOperator(id: string) {
    await unwrap(api().removeOperator({ operatorId: id }))
    await loadOperators()
  }

  return {
    status,
    operators,
    locked,
    load,
    loadOperators,
    signIn,
    lock,
    signOut,
    addOperator,
    removeOperator,
  }
})
