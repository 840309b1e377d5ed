import { defineStore } from 'pinia'
import { api, unwrap } from '../api'
import type { Establishment } from '../domain/reference/establishments'

/** The reference lists the core holds (4,000 establishments, La Poste's codes), asked as the agent types. */
export const useLookupStore = defineStore('lookups', () => {
  const searchEstablishments = (query: string, department: string | null): Promise<Establishment[]> =>
    unwrap(api().searchEstablishments({ query, department }))

  const communesFor = (postalCode: string): Promise<string[]> => unwrap(api().communesFor({ postalCode }))

  return { searchEstablishments, communesFor }
})
