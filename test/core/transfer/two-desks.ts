import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Core } from '../../../electron/core/core'
import type { Backend } from '../../backend/server'
import { cleanup, documentFiles, openDesk, tempDir } from '../sync/desk'

export const PASSPHRASE = 'correct horse battery staple'

export interface TwoDesks {
  /** The desk at the fair, whose queue leaves in the export file. */
  fair: Core
  /** The desk that imports it. */
  office: Core
  /** Where the export file goes. */
  file: string
  /** An identity scan and an enrollment certificate to attach. */
  files: { identity: string; enrollment: string }
}

/** Two fresh desks and a folder for the export file around each test, closed and removed after. */
export function useTwoDesks(backend: () => Pick<Backend, 'url' | 'token'> | null = () => null): TwoDesks {
  const desks = {} as TwoDesks
  let dirs: string[] = []
  beforeEach(async () => {
    dirs = [tempDir('guichet-fair-'), tempDir('guichet-office-'), tempDir('guichet-file-')]
    desks.fair = await openDesk(dirs[0]!, backend())
    desks.office = await openDesk(dirs[1]!, backend())
    desks.file = join(dirs[2]!, 'queue.guichet')
    desks.files = await documentFiles(dirs[2]!)
  })
  afterEach(() => {
    desks.fair.close()
    desks.office.close()
    cleanup(...dirs)
  })
  return desks
}
