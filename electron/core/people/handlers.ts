import { GuichetFailure } from '../../../src/domain/result'
import type { Core } from '../core'
import type { Handlers } from '../dispatch'

type PeopleChannel =
  'sessionStatus' | 'listOperators' | 'signIn' | 'signOut' | 'lockScreen' | 'addOperator' | 'removeOperator'

/** Signing in and out, the privacy screen, and the admin's list of operators, each audited. */
export function peopleHandlers(core: Core): Pick<Handlers, PeopleChannel> {
  const { session, operators, audit } = core
  return {
    sessionStatus: () => session.status(),
    // Staff names only: the sign-in screen lists them while the desk is locked.
    listOperators: () => operators.list(),
    signIn: async ({ operatorId, pin }) => {
      const { session: now, previous } = await session.signIn(operatorId, pin).catch((error: unknown) => {
        // A wrong or locked-out PIN is worth a line too: someone tried.
        if (error instanceof GuichetFailure) {
          audit.record({ action: 'sign_in', subject: operatorId ?? 'admin', detail: { refused: error.code } })
        }
        throw error
      })
      if (operatorId !== null && operatorId === previous)
        audit.record({ action: 'unlock', subject: operatorId })
      else if (operatorId === null) audit.record({ action: 'unlock', detail: { by: 'admin' } })
      else {
        if (previous) audit.record({ action: 'sign_out', subject: previous, detail: { switched: true } })
        audit.record({ action: 'sign_in', subject: operatorId })
      }
      return now
    },
    signOut: () => {
      const operator = session.current()
      const now = session.signOut()
      if (operator) audit.record({ action: 'sign_out', subject: operator.id })
      return now
    },
    lockScreen: () => {
      const now = session.lock()
      audit.record({ action: 'lock' })
      return now
    },
    addOperator: async ({ name, pin }) => {
      const added = await operators.add(name, pin)
      audit.record({ action: 'operator_added', subject: added.id })
      session.operatorsChanged()
      return added
    },
    removeOperator: ({ operatorId }) => {
      operators.remove(operatorId)
      audit.record({ action: 'operator_removed', subject: operatorId })
      session.operatorsChanged(operatorId)
      return null
    },
  }
}
