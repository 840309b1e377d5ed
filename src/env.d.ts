/// <reference types="vite/client" />
import type { GuichetApi } from './domain/ipc/contract'

declare global {
  interface Window {
    /** Exposed by electron/preload (or the web host's bridge in tests and dev:web). */
    readonly guichet: GuichetApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
