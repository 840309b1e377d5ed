import { posix, win32 } from 'node:path'

export interface LocationInputs {
  platform: NodeJS.Platform
  /** The folder of the running executable (an installer may drop desk.json beside it). */
  execDir: string
  env: NodeJS.ProcessEnv
}

export const PROVISIONING_FILE = 'desk.json'

/**
 * Where an installer or an MDM profile drops desk.json, in the order they are tried: beside the
 * executable, then the OS's machine-wide application data folder. Injected as a list everywhere, so
 * tests use a fake shared folder.
 */
export function provisioningLocations({ platform, execDir, env }: LocationInputs): string[] {
  const { join } = platform === 'win32' ? win32 : posix
  const shared =
    platform === 'win32'
      ? join(env['PROGRAMDATA'] ?? 'C:\\ProgramData', 'Guichet')
      : platform === 'darwin'
        ? '/Library/Application Support/Guichet'
        : '/etc/guichet'
  return [join(execDir, PROVISIONING_FILE), join(shared, PROVISIONING_FILE)]
}
