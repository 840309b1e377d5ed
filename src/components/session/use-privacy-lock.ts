import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Covers the desk after `minutes` without a key or a pointer, and at once on Ctrl/Cmd+L. The timer is
 * the page's own setTimeout, so a test drives it with a fake clock (Playwright's page.clock).
 */
export function usePrivacyLock(options: { minutes: Ref<number>; active: Ref<boolean>; lock: () => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined

  function restart() {
    clearTimeout(timer)
    timer = options.active.value ? setTimeout(options.lock, options.minutes.value * 60_000) : undefined
  }

  function onKey(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault()
      if (options.active.value) options.lock()
    }
  }

  onMounted(() => {
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true, capture: true })
    window.addEventListener('keydown', onKey, { capture: true })
    restart()
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true })
    window.removeEventListener('keydown', onKey, { capture: true })
  })
  watch([options.active, options.minutes], restart)
}
