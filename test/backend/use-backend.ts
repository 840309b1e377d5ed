import { afterEach, beforeEach } from 'vitest'
import { api } from './api'
import { createBackend, type Backend, type BackendOptions } from './server'

/** A fresh backend for every test of the file, closed after it. Read the fields inside tests only. */
export function useBackend(options: BackendOptions = {}): { backend: Backend; api: ReturnType<typeof api> } {
  const current = {} as { backend: Backend; api: ReturnType<typeof api> }
  beforeEach(async () => {
    current.backend = await createBackend(options)
    current.api = api(current.backend)
  })
  afterEach(() => current.backend.close())
  return current
}
