import { afterEach, describe, expect, it } from 'vitest'
import type { DeskSession } from '../../src/domain/people'
import { byId, mountDesk, ok, settle } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

const ana = { id: 'op-aaaaaa', name: 'Ana Martin' }
const bob = { id: 'op-bbbbbb', name: 'Bob Lefèvre' }
const open: DeskSession = { operator: ana, locked: false, operatorsExist: true }

/** The desk as the core leaves it at start: operators exist, nobody signed in, so the screen is covered. */
async function coveredDesk(listOperators = () => Promise.resolve(ok([ana, bob]))) {
  let session: DeskSession = { operator: null, locked: true, operatorsExist: true }
  const mounted = await mountDesk({
    sessionStatus: () => ok(session),
    listOperators,
    adminStatus: () => ok({ configured: true, unlocked: false }),
    signIn: ({ operatorId, pin }: { operatorId: string; pin: string }) => {
      if (pin !== '2468') return { ok: false, error: { code: 'wrong_operator_pin', message: 'wrong' } }
      session = { ...open, operator: operatorId === bob.id ? bob : ana }
      return ok(session)
    },
    lockScreen: () => ok((session = { ...session, locked: true })),
  })
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const keydown = async (target: EventTarget, key: string, init: KeyboardEventInit = {}) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
  await settle()
}

describe('the privacy screen', () => {
  it('covers every view until an operator signs in: the draft is not even asked for', async () => {
    const { calls } = await coveredDesk()
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('Poste verrouillé')
    expect(document.querySelector('main')).toBeNull()
    expect(calls.loadDraft).not.toHaveBeenCalled()
    expect((document.activeElement as HTMLElement).dataset['operatorId']).toBe(ana.id)
  })

  it('a digit picks the operator and moves to the PIN; a wrong PIN is said in words', async () => {
    const { calls } = await coveredDesk()
    await keydown(document.activeElement!, '2')
    expect(document.activeElement?.id).toBe('cover-pin')
    byId('cover-pin').value = '1111'
    byId('cover-pin').dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    expect(calls.signIn).toHaveBeenLastCalledWith({ operatorId: bob.id, pin: '1111' })
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('Ce n’est pas le code de cet agent.')

    byId('cover-pin').value = '2468'
    byId('cover-pin').dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    expect(document.querySelector('[data-testid="signed-in"]')?.textContent).toContain('Bob Lefèvre')
    expect(calls.loadDraft).toHaveBeenCalled()
  })

  it('Ctrl+L covers the desk again and unmounts the form', async () => {
    const { calls } = await coveredDesk()
    await keydown(document.activeElement!, '1')
    byId('cover-pin').value = '2468'
    byId('cover-pin').dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    expect(document.querySelector('main form')).not.toBeNull()

    await keydown(window, 'l', { ctrlKey: true })
    expect(calls.lockScreen).toHaveBeenCalledTimes(1)
    expect(document.querySelector('main')).toBeNull()
    expect(document.querySelector('[role="dialog"]')).not.toBeNull()
  })

  it('a late list of operators never takes the keyboard back from an agent already typing the PIN', async () => {
    // A loaded desk answers late: the screen shows the list it had, and the agent does not wait.
    let release = () => {}
    let late = false
    await coveredDesk(() =>
      late
        ? new Promise((resolve) => (release = () => resolve(ok([ana, bob]))))
        : Promise.resolve(ok([ana, bob])),
    )
    await keydown(document.activeElement!, '1')
    byId('cover-pin').value = '2468'
    byId('cover-pin').dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    late = true
    await keydown(window, 'l', { ctrlKey: true })
    await keydown(document.querySelector(`[data-operator-id="${ana.id}"]`)!, '1')
    expect(document.activeElement?.id).toBe('cover-pin')
    byId('cover-pin').value = '24'
    byId('cover-pin').dispatchEvent(new Event('input', { bubbles: true }))
    release()
    await settle()
    expect(document.activeElement?.id).toBe('cover-pin')
    expect(byId('cover-pin').value).toBe('24')
  })

  it('on a desk being provisioned (no operator, no admin PIN): nothing asked for, the keyboard on "Reprendre"', async () => {
    const mounted = await mountDesk({
      sessionStatus: () => ok({ operator: null, locked: true, operatorsExist: false }),
      listOperators: () => ok([]),
      adminStatus: () => ok({ configured: false, unlocked: true }),
    })
    unmount = () => mounted.wrapper.unmount()
    const cover = document.querySelector('[role="dialog"]')?.textContent ?? ''
    expect(cover).toContain('Le dossier en cours est conservé.')
    expect(cover).not.toContain('choisissez votre nom')
    expect(document.activeElement?.textContent?.trim()).toBe('Reprendre')
  })
})
