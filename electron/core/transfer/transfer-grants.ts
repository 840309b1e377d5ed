import { posix, win32 } from 'node:path'
import { GuichetFailure } from '../../../src/domain/result'

export type TransferMode = 'save' | 'open'

const EXTENSION = '.guichet'

/**
 * The export and import files the admin chose in the host's own dialog (chooseTransferFile), kept
 * by what they were chosen for: exportQueue writes only a file chosen to save, importQueue reads
 * only one chosen to open. A page cannot name any other path, so it cannot make an export overwrite
 * ~/.bashrc or an import read what it likes.
 */
export class TransferGrants {
  private readonly granted: Record<TransferMode, Set<string>> = { save: new Set(), open: new Set() }
  private readonly path: typeof posix

  constructor(platform: NodeJS.Platform = process.platform) {
    this.path = platform === 'win32' ? win32 : posix
  }

  /**
   * What the dialog answered, granted for `mode`. A save dialog that did not add the extension (GTK
   * does not) gets it here; a file to open must be a Guichet export already.
   */
  grant(mode: TransferMode, chosen: string): string {
    const path = mode === 'save' && !hasExtension(chosen) ? `${chosen}${EXTENSION}` : chosen
    if (!this.path.isAbsolute(path) || !hasExtension(path)) {
      throw new GuichetFailure(
        'transfer_file_type',
        'Choose a Guichet export file: its name ends in .guichet.',
      )
    }
    this.granted[mode].add(this.path.resolve(path))
    return path
  }

  /** Throws unless `path` was chosen in the dialog for `mode` (and so is absolute and a .guichet). */
  assert(mode: TransferMode, path: string): void {
    if (this.path.isAbsolute(path) && hasExtension(path) && this.granted[mode].has(this.path.resolve(path))) {
      return
    }
    throw new GuichetFailure(
      'transfer_file_not_chosen',
      'Choose the file with the "Choose…" button: Guichet writes and reads only a .guichet file chosen there.',
    )
  }
}

const hasExtension = (path: string) =>
  path.toLowerCase().endsWith(EXTENSION) && path.length > EXTENSION.length
