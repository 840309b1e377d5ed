import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '../api'
import type { Establishment } from '../domain/reference/establishments'

/** The reference lists the core holds (4,000 establishments, La Poste's codes), asked as the agent types. */
export const useLookupStore = defineStore('lookups', () => {
  const searchEstablishments = (query: string, department: string | null): Promise<Establishment[]> =>
    unwrap(api().searchEstablishments({ query, department }))

  const communesFor = (postalCode: string): Promise<string[]> => unwrap(api().communesFor({ postalCode }))

  /** Listed UAIs with a key that does not check, asked once: the form takes them as the core does. */
  const uaiExceptions = ref(new Set<string>())
  let asked = false
  async function loadUaiExceptions() {
    if (asked) return
    asked = true
    uaiExceptions.value = new Set(await unwrap(api().uaiExceptions()))
  }

  return { searchEstablishments, communesFor, uaiExceptions, loadUaiExceptions }
})
