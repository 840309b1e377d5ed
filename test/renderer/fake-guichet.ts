import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { vi } from 'vitest'
import type { Ref } from 'vue'
import App from '../../src/App.vue'
import type { Channel, GuichetApi } from '../../src/domain/ipc/contract'
import type { Establishment } from '../../src/domain/reference/establishments'
import type { Result } from '../../src/domain/result'
import { i18n } from '../../src/i18n'

type Handlers = { [C in Channel]?: (request: never) => unknown }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const establishments: Establishment[] = [
  {
    uai: '0755976N',
    name: 'Université Paris Cité',
    acronym: 'UP Cité',
    type: 'Université',
    department: '75',
    commune: 'Paris 6e',
  },
  {
    uai: '0755890V',
    name: 'Sorbonne Université',
    acronym: 'Sorbonne U',
    type: 'Université',
    department: '75',
    commune: 'Paris 6e',
  },
]

/**
 * window.guichet as the preload exposes it, answering Results from the given handlers (a vi.fn each,
 * so a test can see what the page asked); a channel without a handler answers a failure.
 */
export function fakeGuichet(handlers: Handlers = {}) {
  const defaults: Handlers = {
    getAppInfo: () => ok({ name: 'Guichet', version: 'test', host: 'electron', dataDir: '/tmp/x' }),
    getSettings: () => ok({ deskId: 'desk-1', eventName: '', locale: 'fr' }),
    // An operator signed in at an open screen: the views are shown.
    sessionStatus: () =>
      ok({ operator: { id: 'op-aaaaaa', name: 'Ana' }, locked: false, operatorsExist: true }),
    listOperators: () => ok([{ id: 'op-aaaaaa', name: 'Ana' }]),
    loadDraft: () => ok(null),
    saveDraft: () => ok({ updatedAt: '2026-01-01T10:00:00.000Z' }),
    discardDraft: () => ok(null),
    searchEstablishments: () => ok(establishments),
    communesFor: () => ok([]),
    listDocuments: () => ok([]),
    uaiExceptions: () => ok([]),
    submitRegistration: ({ clientId }: { clientId: string }) =>
      ok({ clientId, reference: 'G-TEST-0001', capturedAt: '2026-01-01T10:00:00.000Z' }),
  }
  const calls = Object.fromEntries(
    Object.entries({ ...defaults, ...handlers }).map(([channel, handler]) => [
      channel,
      vi.fn(async (request: never) => handler(request)),
    ]),
  ) as Record<Channel, ReturnType<typeof vi.fn>>
  const api = new Proxy(calls, {
    get: (target, channel: string) =>
      target[channel as Channel] ??
      (channel === 'on'
        ? () => () => {}
        : async () => ({ ok: false, error: { code: 'not_stubbed', message: channel } })),
  }) as unknown as GuichetApi
  Object.defineProperty(window, 'guichet', { value: api, configurable: true })
  return calls
}

/** The whole app on the register screen, attached to the document so focus can be checked. */
export async function mountDesk(handlers: Handlers = {}) {
  const calls = fakeGuichet(handlers)
  // Composition mode: the global locale is a ref (vue-i18n's types describe the legacy string too).
  ;(i18n.global.locale as unknown as Ref<string>).value = 'fr'
  document.body.innerHTML = ''
  const wrapper = mount(App, { global: { plugins: [createPinia(), i18n] }, attachTo: document.body })
  await settle()
  return { wrapper, calls }
}

/** Lets vee-validate's async validation and the fake IPC answers land. */
export async function settle() {
  for (let i = 0; i < 5; i++) await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 50))
  await flushPromises()
}

export const byId = (id: string) => document.getElementById(id) as HTMLInputElement & HTMLSelectElement

/** Types into a field as a person would: the value, an input event, then leaving the field. */
export async function type(id: string, text: string, { leave = true } = {}) {
  const element = byId(id)
  element.focus()
  element.value = text
  element.dispatchEvent(new Event('input', { bubbles: true }))
  if (leave) element.dispatchEvent(new FocusEvent('blur'))
  await settle()
}

export async function choose(id: string, value: string) {
  const element = byId(id)
  element.value = value
  element.dispatchEvent(new Event('change', { bubbles: true }))
  element.dispatchEvent(new FocusEvent('blur'))
  await settle()
}

export async function press(id: string, key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  byId(id).dispatchEvent(event)
  await settle()
  return event
}

/** The texts an element points at with aria-describedby. */
export const described = (id: string): string =>
  (byId(id).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((ref) => (ref ? (document.getElementById(ref)?.textContent ?? '') : ''))
    .join(' ')

export async function submitForm() {
  document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  await settle()
}
