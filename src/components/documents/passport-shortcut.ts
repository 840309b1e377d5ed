import { onBeforeUnmount, onMounted } from 'vue'
import { slotButtonId } from '../form/missing-documents'

/**
 * Alt+P, P for passeport and passport: neither Chromium, Electron's default menus (Alt+F/E/V/W/H),
 * NVDA, JAWS nor Orca take it, and Alt keeps it clear of what the agent types in a field.
 */
export const PASSPORT_SHORTCUT = 'Alt+P'

export function isPassportShortcut(event: KeyboardEvent): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false
  // By the letter the layout gives; by the key's place where Alt makes another character (macOS: π).
  const letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : event.code === 'KeyP' ? 'p' : ''
  return letter === 'p'
}

function choosePassport() {
  // A modal dialog (the preview) keeps the keyboard until it is closed.
  if (document.querySelector('dialog[open]')) return
  const chooser = document.getElementById(slotButtonId('identity')) as HTMLButtonElement | null
  if (!chooser) return
  if (chooser.disabled) {
    // The slot is full or busy: its first file, where "Remplacer" is, instead.
    chooser.closest('[data-slot]')?.querySelector<HTMLElement>('.thumb')?.focus()
    return
  }
  chooser.focus()
  chooser.click()
}

/** While the form is shown, the shortcut opens the passport slot's "Choisir un fichier…" from anywhere. */
export function usePassportShortcut() {
  function onKey(event: KeyboardEvent) {
    if (!isPassportShortcut(event)) return
    event.preventDefault()
    if (!event.repeat) choosePassport()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
