import { afterEach, describe, expect, it } from 'vitest'
import {
  byId,
  choose,
  described,
  establishments,
  mountDesk,
  ok,
  press,
  settle,
  submitForm,
  type,
} from './fake-guichet'

const COMBOBOX = 'f-establishment-uai'
let unmount: () => void = () => {}
afterEach(() => unmount())

async function desk(handlers: Parameters<typeof mountDesk>[0] = {}) {
  const mounted = await mountDesk(handlers)
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const combobox = () => byId(COMBOBOX)
const listbox = () => document.getElementById(combobox().getAttribute('aria-controls') ?? '')
const optionTexts = () =>
  [...(listbox()?.querySelectorAll('[role="option"]') ?? [])].map((o) => o.textContent?.trim())
const activeText = () =>
  document.getElementById(combobox().getAttribute('aria-activedescendant') ?? '')?.textContent?.trim()

describe('establishment combobox', () => {
  it('searches from 3 letters in the chosen département and lists "Other" last', async () => {
    const { calls } = await desk()
    await choose('f-establishment-department', '75')
    await type(COMBOBOX, 'pa', { leave: false })
    expect(calls.searchEstablishments).not.toHaveBeenCalled()
    expect(combobox().getAttribute('aria-expanded')).toBe('false')
    await type(COMBOBOX, 'par', { leave: false })
    expect(calls.searchEstablishments).toHaveBeenCalledWith({ query: 'par', department: '75' })
    expect(combobox().getAttribute('role')).toBe('combobox')
    expect(combobox().getAttribute('aria-expanded')).toBe('true')
    expect(listbox()?.getAttribute('role')).toBe('listbox')
    expect(optionTexts()).toEqual([
      'Université Paris Cité (UP Cité) — Paris 6e',
      'Sorbonne Université (Sorbonne U) — Paris 6e',
      'Autre (établissement absent de la liste)',
    ])
  })

  it('moves with the arrows, picks with Enter, closes with Escape', async () => {
    await desk()
    await type(COMBOBOX, 'univ', { leave: false })
    await press(COMBOBOX, 'ArrowDown')
    expect(activeText()).toBe('Université Paris Cité (UP Cité) — Paris 6e')
    await press(COMBOBOX, 'ArrowDown')
    await press(COMBOBOX, 'ArrowDown')
    await press(COMBOBOX, 'ArrowDown')
    expect(activeText()).toBe('Université Paris Cité (UP Cité) — Paris 6e')
    await press(COMBOBOX, 'ArrowUp')
    expect(activeText()).toBe('Autre (établissement absent de la liste)')
    const escape = await press(COMBOBOX, 'Escape')
    expect(escape.defaultPrevented).toBe(true)
    expect(combobox().getAttribute('aria-expanded')).toBe('false')
    expect(combobox().getAttribute('aria-activedescendant')).toBeNull()

    await press(COMBOBOX, 'ArrowDown')
    await press(COMBOBOX, 'ArrowDown')
    const enter = await press(COMBOBOX, 'Enter')
    expect(enter.defaultPrevented).toBe(true)
    expect(combobox().value).toBe('Sorbonne Université (Sorbonne U) — Paris 6e')
    expect(combobox().getAttribute('aria-expanded')).toBe('false')
    // Picking also sets the département it belongs to.
    expect(byId('f-establishment-department').value).toBe('75')
  })

  it('picks the option whose visible text was typed, on Enter', async () => {
    await desk()
    await type(COMBOBOX, 'Sorbonne Université (Sorbonne U) — Paris 6e', { leave: false })
    await press(COMBOBOX, 'Enter')
    expect(combobox().value).toBe('Sorbonne Université (Sorbonne U) — Paris 6e')
    await submitForm()
    expect(combobox().getAttribute('aria-invalid')).toBeNull()
  })

  it('"Other" asks for the name, and an empty name is the error to show', async () => {
    await desk()
    await type(COMBOBOX, 'Autre (établissement absent de la liste)', { leave: false })
    await press(COMBOBOX, 'Enter')
    const name = byId('f-establishment-name')
    expect(name).not.toBeNull()
    await submitForm()
    expect(described('f-establishment-name')).toContain('Ce champ est obligatoire')
    expect(combobox().getAttribute('aria-invalid')).toBeNull()
    await type('f-establishment-name', 'École des Hautes Études du Test')
    await settle()
    expect(name.getAttribute('aria-invalid')).toBeNull()
  })

  it('is required in France, not when the student is not enrolled yet', async () => {
    await desk()
    await submitForm()
    expect(described(COMBOBOX)).toContain('Ce champ est obligatoire')
    byId('f-establishment-notEnrolledYet').click()
    await settle()
    expect(byId(COMBOBOX)).toBeNull()
    expect(byId('f-establishment-department')).toBeNull()
  })
  it('an arrow and Enter pressed before the typed letters’ list arrives pick from that list, not "Other"', async () => {
    let answer: () => void = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    await desk({ searchEstablishments: () => answered.then(() => ok(establishments)) })
    // The agent types, then at once ArrowDown and Enter, while the core is still searching.
    const element = combobox()
    element.focus()
    element.value = 'Sorbonne'
    element.dispatchEvent(new Event('input', { bubbles: true }))
    const events = ['ArrowDown', 'Enter'].map((key) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
      element.dispatchEvent(event)
      return event
    })
    answer()
    await settle()
    expect(events.map((event) => event.defaultPrevented)).toEqual([true, true])
    expect(combobox().value).toBe('Université Paris Cité (UP Cité) — Paris 6e')
    expect(byId('f-establishment-name')).toBeNull()
  })

  it('once an establishment is picked and the list closed, leaves Enter to the form', async () => {
    await desk()
    await type(COMBOBOX, 'univ', { leave: false })
    await press(COMBOBOX, 'ArrowDown')
    expect((await press(COMBOBOX, 'Enter')).defaultPrevented).toBe(true)
    expect(combobox().getAttribute('aria-expanded')).toBe('false')
    // The next Enter is the form's (on to the next field to fill); the combobox keeps its pick.
    const next = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    let reachedForm = false
    document.querySelector('form')?.addEventListener('keydown', () => (reachedForm = true), { once: true })
    combobox().dispatchEvent(next)
    await settle()
    expect(reachedForm).toBe(true)
    expect(combobox().value).toBe('Université Paris Cité (UP Cité) — Paris 6e')
  })
})
