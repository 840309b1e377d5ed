import { posix, win32 } from 'node:path'
import { GuichetFailure } from '../../../src/domain/result'

/**
 * The files the agent has put in the desk's hands: file-dialog answers, files dropped on the window
 * (their path resolved by the preload, never typed by the page), and, checked at the time, the
 * scanner folder's entries. `attachDocument` reads nothing else, so a page that went wrong cannot
 * make the core read ~/.ssh or another student's scan and send it to the backend.
 */
export class GrantedPaths {
  private readonly granted = new Set<string>()
  private readonly path: typeof posix

  constructor(private readonly platform: NodeJS.Platform = process.platform) {
    this.path = platform === 'win32' ? win32 : posix
  }

  grant(paths: readonly unknown[]): void {
    for (const path of paths) {
      if (typeof path === 'string' && this.path.isAbsolute(path)) this.granted.add(this.path.resolve(path))
    }
  }

  /** Throws `network_path` or `not_granted` unless `path` was granted or `alsoGranted` holds it. */
  assert(path: string, alsoGranted: () => readonly string[] = () => []): void {
    this.refuseRemote(path)
    if (this.granted.has(this.path.resolve(path))) return
    this.assertAmong(path, alsoGranted())
  }

  /**
   * Throws `network_path` or `not_granted` unless `path` is one of `paths`, whatever was granted
   * before: for what only the scanner folder's entries of the moment may be asked (their thumbnails).
   */
  assertAmong(path: string, paths: readonly string[]): void {
    this.refuseRemote(path)
    const resolved = this.path.resolve(path)
    if (paths.some((other) => this.path.resolve(other) === resolved)) return
    throw new GuichetFailure(
      'not_granted',
      'This file was not chosen in the window: add it with the file dialog, by dropping it, or from the scanner folder.',
    )
  }

  private refuseRemote(path: string): void {
    if (this.platform === 'win32' && isRemoteOrDevice(path)) {
      throw new GuichetFailure(
        'network_path',
        'Files on a network share or a device path are not taken in: copy the file to this computer first.',
      )
    }
  }
}

/**
 * `\\server\share\...` (UNC: reading it may hand the session's credentials to that server),
 * `\\?\` and `\\.\` (device namespaces, which skip the path checks), with either slash.
 */
function isRemoteOrDevice(path: string): boolean {
  return /^[\\/]{2}/.test(path)
}
