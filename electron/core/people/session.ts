import type { DeskSession, OperatorSummary } from '../../../src/domain/people'
import { GuichetFailure } from '../../../src/domain/result'
import type { AdminLock } from '../admin/admin-lock'
import type { DeskEventBus } from '../events'
import type { Operators } from './operators'

/**
 * Who is at the desk and whether the privacy screen covers it, held in memory: after a restart nobody
 * is signed in. While operators exist the screen stays covered until one signs in; the admin PIN also
 * opens it (an admin adding the first operators, a desk without operators).
 * Student names leave the core only while the screen is open and someone signed in (9.14).
 */
export class DeskSessions {
  private operator: OperatorSummary | null = null
  private lockedByHand = false

  constructor(
    private readonly operators: Operators,
    private readonly admin: AdminLock,
    private readonly events: DeskEventBus,
  ) {}

  status(): DeskSession {
    const operatorsExist = this.operators.exist()
    return {
      operator: this.operator,
      // Admin mode in use (an admin adding the first operators) keeps the screen open too.
      locked: this.lockedByHand || (operatorsExist && this.operator === null && !this.admin.activeNow()),
      operatorsExist,
    }
  }

  /** The operator signed in now, for `desk.operator` and the audit log's actor. */
  current(): OperatorSummary | null {
    return this.operator
  }

  async signIn(
    operatorId: string | null,
    pin: string,
  ): Promise<{ session: DeskSession; previous: string | null }> {
    const previous = this.operator?.id ?? null
    if (operatorId === null) {
      await this.admin.unlock(pin)
    } else {
      this.operator = await this.operators.check(operatorId, pin)
    }
    this.lockedByHand = false
    return { session: this.changed(), previous }
  }

  signOut(): DeskSession {
    this.operator = null
    this.admin.lock()
    return this.changed()
  }

  /** Ctrl/Cmd+L or the idle timer: admin mode locks too, since whoever walks up next is not the admin. */
  lock(): DeskSession {
    this.lockedByHand = true
    this.admin.lock()
    return this.changed()
  }

  /** The list of operators changed; one removed while signed in is signed out at once. */
  operatorsChanged(removed?: string): void {
    if (removed !== undefined && this.operator?.id === removed) this.signOut()
    else this.changed()
  }

  /** Whether student names and e-mails may go to the page now. */
  async namesVisible(): Promise<boolean> {
    const { locked } = this.status()
    return !locked && (this.operator !== null || (await this.admin.isUnlocked()))
  }

  /** Refuses what would show a student's data while the screen is covered. */
  assertOpen(): void {
    if (this.status().locked) {
      throw new GuichetFailure('screen_locked', 'The desk is locked: sign in to see this.')
    }
  }

  /** Registering needs an operator signed in as soon as the desk has operators. */
  operatorForRegistration(): string {
    if (this.operator) return this.operator.id
    if (this.operators.exist()) {
      throw new GuichetFailure('operator_required', 'Sign in as an operator before registering a student.')
    }
    return ''
  }

  private changed(): DeskSession {
    const session = this.status()
    this.events.emit('sessionChanged', session)
    return session
  }
}
