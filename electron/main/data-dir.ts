import { join } from 'node:path'

/**
 * Where the desk keeps its data. GUICHET_DATA_DIR is for development and tests only: in an installed
 * app anyone who can set an environment variable for the desk's account could otherwise point it at
 * a folder of their choosing (a network share, a folder they read).
 */
export function deskDataDir(
  app: { isPackaged: boolean; getPath(name: 'userData'): string },
  env: NodeJS.ProcessEnv,
): string {
  return (!app.isPackaged && env['GUICHET_DATA_DIR']) || app.getPath('userData')
}

/**
 * On Windows, Electron's userData is in the roaming profile, which a domain may copy to a server at
 * every logoff: the desk's database and scans would leave the laptop. LocalAppData stays on it.
 */
export function localUserData(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  name: string,
): string | null {
  const local = env['LOCALAPPDATA']
  return platform === 'win32' && local ? join(local, name) : null
}
