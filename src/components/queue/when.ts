import { onBeforeUnmount, ref, type Ref } from 'vue'

/** The desk's clock for "dans 3 min", ticking every 30 s while the screen shows it. */
export function useNow(): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), 30_000)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}

/** A date and time as the desk writes them: JJ/MM/AAAA HH:MM in French, DD/MM/YYYY HH:MM in English. */
export const deskDateTime = (iso: string, locale: string): string =>
  new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** How long until `iso`, in words: "dans 3 min", "in 3 min", "dans 40 s". */
export function fromNow(iso: string, now: number, locale: string): string {
  const seconds = Math.max(0, Math.round((new Date(iso).getTime() - now) / 1000))
  const format = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' })
  if (seconds < 60) return format.format(seconds, 'second')
  if (seconds < 3600) return format.format(Math.round(seconds / 60), 'minute')
  return format.format(Math.round(seconds / 3600), 'hour')
}
