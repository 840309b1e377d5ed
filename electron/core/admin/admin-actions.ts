import type { DeskSettings } from '../../../src/domain/settings'

/** Where an admin action came from. */
export type AdminVia = 'settings_screen' | 'provisioning_file' | 'cli'

/** What an admin did to the desk, by reference only (never a value that could be personal or secret). */
export type AdminAction =
  | { kind: 'desk_enrolled'; deskId: string; via: AdminVia }
  | { kind: 'settings_changed'; keys: (keyof DeskSettings)[]; via: AdminVia }

/**
 * The one place admin actions are announced after they took effect, so the audit log (and anything
 * else that must know) hooks in with `on` instead of every caller writing to it.
 */
export class AdminActions {
  private readonly listeners = new Set<(action: AdminAction) => void>()

  on(listener: (action: AdminAction) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(action: AdminAction): void {
    for (const listener of this.listeners) listener(action)
  }
}
