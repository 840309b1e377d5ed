import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../domain/settings'

/** The UI language, for the lists whose names and order follow it (countries, civilities...). */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' })
  return computed(() => locale.value as Locale)
}
