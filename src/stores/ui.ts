import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../domain/settings'

export type Screen = 'register' | 'queue' | 'settings'

/** Which screen is shown and in which language; the language toggle is for the student too. */
export const useUiStore = defineStore('ui', () => {
  const { locale } = useI18n({ useScope: 'global' })
  const screen = ref<Screen>('register')
  const language = ref<Locale>(locale.value as Locale)

  watch(language, (value) => {
    locale.value = value
    document.documentElement.lang = value
  })

  const toggleLanguage = () => (language.value = language.value === 'fr' ? 'en' : 'fr')

  return { screen, language, toggleLanguage }
})
