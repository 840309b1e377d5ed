import type { Migration } from '../migration'
import { settings } from './0001-settings'
import { registrations } from './0002-registrations'
import { outbox } from './0003-outbox'
import { outboxIndexes } from './0004-outbox-indexes'
import { operators } from './0005-operators'
import { audit } from './0006-audit'
import { draftOpened } from './0007-draft-opened'
import { documentBinding } from './0008-document-binding'
import { retryDelay } from './0009-retry-delay'
import { vaultIssued } from './0010-vault-issued'

/** Every migration, oldest first. `user_version` is the version of the last one applied. */
export const migrations: readonly Migration[] = [
  settings,
  registrations,
  outbox,
  outboxIndexes,
  operators,
  audit,
  draftOpened,
  documentBinding,
  retryDelay,
  vaultIssued,
]
