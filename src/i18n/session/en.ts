import type { sessionErrors as frErrors } from './fr'

export default {
  signedInAs: 'Agent: {name}',
  nobody: 'No agent signed in',
  lock: 'Hide the screen',
  lockShortcut: 'Hide the screen and lock the desk (Ctrl+L)',
  switchOperator: 'Switch agent',
  namesHidden: 'Name hidden: sign in as an agent to see it.',
  namesHiddenAdmin: 'Name hidden: unlock admin mode (Settings) to see it.',
  namesHiddenNoPin: 'Name hidden: set an admin PIN (Settings), then unlock admin mode to see it.',
  signOut: 'End of shift',
  cover: {
    title: 'Desk locked',
    lockedHint: 'Student data is hidden. Choose your name and type your PIN.',
    signInHint: 'Start of shift: choose your name and type your personal PIN.',
    operators: 'Agents of this desk',
    operatorKey: 'Key {key}',
    pin: 'Personal PIN',
    signIn: 'Open',
    admin: 'Open with the admin PIN',
    adminPin: 'Admin PIN',
    noOperators: 'No agent is registered on this desk: open it with the admin PIN.',
    resume: 'Resume',
    draftKept: 'The registration in progress is kept.',
  },
  settings: {
    idleLockMinutes: 'Lock after inactivity (minutes)',
    idleLockMinutesHint:
      'The screen is covered after this long without keyboard or mouse; Ctrl+L covers it at once.',
  },
  operators: {
    title: 'Agents',
    intro: 'Each agent starts a shift with their name and a personal PIN of 4 to 8 digits.',
    none: 'No agent registered: the desk does not ask anyone to sign in.',
    name: 'Agent name',
    pin: 'Personal PIN (4 to 8 digits)',
    pinAgain: 'Personal PIN (again)',
    add: 'Add the agent',
    added: 'Agent {name} added.',
    remove: 'Remove',
    removeOne: 'Remove {name}',
    removed: 'Agent {name} removed.',
    pinMismatch: 'The two PINs differ.',
    newOne: 'New agent',
  },
}

export const sessionErrors: Record<keyof typeof frErrors, string> = {
  wrong_operator_pin: 'This is not this agent’s PIN.',
  operator_pin_format: 'The personal PIN has 4 to 8 digits.',
  operator_unknown: 'This agent is no longer registered on this desk: choose another.',
  operator_required: 'Sign in as an agent before registering a student (Ctrl+L).',
  screen_locked: 'The desk is locked: sign in to see this.',
  admin_pin_missing:
    'The admin PIN was set but it is gone from the keychain: the desk stays locked. Contact support.',
  idle_minutes_range: 'A whole number of minutes, from 1 to 60.',
}
