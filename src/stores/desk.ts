import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '../api'
import type { AppInfo } from '../domain/ipc/contract'
import type { DeskSettings, SettingsPatch } from '../domain/settings'

/** What the desk is: its version and host, and the settings an admin gave it. */
export const useDeskStore = defineStore('desk', () => {
  const info = ref<AppInfo>()
  const settings = ref<DeskSettings>()

  async function load() {
    ;[info.value, settings.value] = await Promise.all([
      unwrap(api().getAppInfo()),
      unwrap(api().getSettings()),
    ])
  }

  async function save(patch: SettingsPatch) {
    settings.value = await unwrap(api().updateSettings(patch))
  }

  return { info, settings, load, save }
})
