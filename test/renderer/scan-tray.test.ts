import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ScanTray from '../../src/components/documents/ScanTray.vue'
import type { ScanEntry, ScanThumbnail } from '../../src/domain/ipc/events'
import type { Result } from '../../src/domain/result'
import { i18n } from '../../src/i18n'
import { useDocumentsStore } from '../../src/stores/documents'
import { useRegistrationStore } from '../../src/stores/registration'

// A 1 × 1 WebP, as the core answers for an image.
const WEBP = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='

/** What the page could see: the test says which rows have scrolled into view. */
const observers = new Map<Element, (entries: { isIntersecting: boolean }[]) => void>()
class FakeIntersectionObserver {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(element: Element) {
    observers.set(element, this.callback)
  }
  disconnect() {
    for (const [element, callback] of observers) if (callback === this.callback) observers.delete(element)
  }
}

/** The core's thumbnail channel, answering only when the test says: what is in flight is visible. */
let pending: { path: string; answer: (value: Result<ScanThumbnail>) => void }[]
let asked: string[]

beforeEach(() => {
  setActivePinia(createPinia())
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
  observers.clear()
  pending = []
  asked = []
  const api = {
    scanThumbnail: ({ path }: { path: string }) =>
      new Promise<Result<ScanThumbnail>>((answer) => {
        asked.push(path)
        pending.push({ path, answer })
      }),
  }
  Object.defineProperty(window, 'guichet', { value: api, configurable: true })
})
afterEach(async () => {
  // What a test left in flight is answered, so the next one starts with its turns free.
  for (const call of pending.splice(0))
    call.answer({ ok: true, value: { kind: 'none', code: 'file_missing' } })
  await flushPromises()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

let run = 0
/** Scans under a folder of their own, as the cache outlives one test. */
function scans(count: number): ScanEntry[] {
  run++
  return Array.from({ length: count }, (_, i) => ({
    path: `/scanner-${run}/scan-${i}.jpg`,
    fileName: `scan-${i}.jpg`,
    size: 204_321 + i,
    modifiedAt: new Date(Date.UTC(2026, 8, 2, 10, 30 - i)).toISOString(),
  }))
}

async function tray(entries: ScanEntry[]) {
  useRegistrationStore().openedAt = new Date(Date.UTC(2026, 8, 2, 10, 0))
  useDocumentsStore().scans = entries
  const wrapper = mount(ScanTray, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** The rows `indexes` scroll into view. */
async function show(...indexes: number[]) {
  const frames = [...document.querySelectorAll('.scan-thumb')]
  for (const index of indexes) {
    const frame = frames[index]
    if (frame) observers.get(frame)?.([{ isIntersecting: true }])
  }
  await flushPromises()
}

async function answer(
  path: string,
  value: ScanThumbnail = { kind: 'image', mediaType: 'image/webp', base64: WEBP },
) {
  const at = pending.findIndex((p) => p.path === path)
  const [call] = pending.splice(at, 1)
  call?.answer({ ok: true, value })
  await flushPromises()
}

describe('the scanner tray’s thumbnails', () => {
  it('are asked for only as rows come into view, two at a time', async () => {
    const entries = scans(4)
    const wrapper = await tray(entries)
    expect(asked).toEqual([])

    await show(0, 1, 2)
    expect(asked).toEqual([entries[0]?.path, entries[1]?.path])
    await answer(entries[0]?.path ?? '')
    expect(asked).toHaveLength(3)
    expect(wrapper.findAll('.scan-thumb img')).toHaveLength(1)
    expect(wrapper.find('.scan-thumb img').attributes('src')).toBe(`data:image/webp;base64,${WEBP}`)
    wrapper.unmount()
  })

  it('are made once per file version, and dropped when the file leaves the folder', async () => {
    const entries = scans(2)
    const [first, second] = entries as [ScanEntry, ScanEntry]
    let wrapper = await tray(entries)
    await show(0, 1)
    await answer(first.path)
    await answer(second.path)
    wrapper.unmount()

    // Shown again: from the cache.
    wrapper = await tray(entries)
    await show(0, 1)
    expect(asked).toEqual([first.path, second.path])
    expect(wrapper.findAll('.scan-thumb img')).toHaveLength(2)

    // The scanner saved the first again (a new time), and the second was taken in, then came back.
    const documents = useDocumentsStore()
    documents.scans = [{ ...first, modifiedAt: '2026-09-02T10:45:00.000Z' }]
    await flushPromises()
    documents.scans = [{ ...first, modifiedAt: '2026-09-02T10:45:00.000Z' }, second]
    await flushPromises()
    await show(0, 1)
    expect(asked).toEqual([first.path, second.path, first.path, second.path])
    wrapper.unmount()
  })

  it('shows a neutral frame and the reason in words for a file the desk would not take', async () => {
    const entries = scans(2)
    const [gif, gone] = entries as [ScanEntry, ScanEntry]
    const wrapper = await tray(entries)
    await show(0, 1)
    await answer(gif.path, { kind: 'none', code: 'unsupported_type' })
    pending.shift()?.answer({ ok: false, error: { code: 'internal', message: 'Something went wrong' } })
    await flushPromises()

    const rows = wrapper.findAll('li')
    expect(rows[0]?.find('.scan-thumb').text()).toBe('Pas d’aperçu')
    expect(rows[0]?.text()).toContain('Guichet accepte PDF, JPEG et PNG')
    expect(rows[1]?.text()).toContain('Une erreur inattendue s’est produite.')
    expect(gone.path).toBe(asked[1])
    wrapper.unmount()
  })
})
