import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '../api'
import type { PassportScan } from '../domain/mrz/passport-scan'

/**
 * What the core read on the registration's newest passport scan. Each scan is read once; a newer one
 * replaces the reading of an older one, even if that one answers last.
 */
export const usePassportStore = defineStore('passport', () => {
  const state = ref<'idle' | 'reading' | 'done' | 'failed'>('idle')
  const scan = ref<PassportScan>()
  const documentId = ref<string>()
  const read = new Set<string>()

  async function readScan(clientId: string, id: string): Promise<void> {
    if (read.has(id)) return
    read.add(id)
    documentId.value = id
    state.value = 'reading'
    scan.value = undefined
    try {
      const result = await unwrap(api().readPassportMrz({ clientId, id }))
      if (documentId.value !== id) return
      scan.value = result
      state.value = 'done'
    } catch {
      if (documentId.value === id) state.value = 'failed'
    }
  }

  return { state, scan, documentId, readScan }
})
