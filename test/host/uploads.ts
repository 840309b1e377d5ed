import { mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { MAX_READ_BYTES } from '../../electron/core/documents/limits'
import type { Handlers } from '../../electron/core/dispatch'
import type { GrantedPaths } from '../../electron/core/documents/granted-paths'
import type { Result } from '../../src/domain/result'

/**
 * Files the page holds in the web host (picked in the browser's own chooser, or dropped from the
 * desktop): a browser never tells a page where they live, so the bridge sends their bytes and they
 * are written here, one private folder (0700, file 0600) per upload, taken in by the same
 * `attachDocument` as a file picked in the app, then deleted whatever the inspection said.
 */
export interface Uploads {
  /** The private folder that holds uploads until they are taken in. */
  dir: string
  /** Writes one upload; answers its path for `attachDocument`, or `too_large` without writing. */
  put(name: string, bytes: Buffer): Promise<Result<string>>
  /** attachDocument that deletes an uploaded file once it was taken in (or refused). */
  wrap(handlers: Handlers): Handlers
  /** Removes every upload not yet taken in (the host closes). */
  clear(): void
}

/** `grants`: the core's, as the preload grants a dropped file in the app. */
export function createUploads(grants: Pick<GrantedPaths, 'grant'>): Uploads {
  // mkdtemp creates the folder with mode 0700: other local users cannot read a student's passport.
  const root = mkdtempSync(join(tmpdir(), 'guichet-uploads-'))
  const waiting = new Set<string>()

  async function put(name: string, bytes: Buffer): Promise<Result<string>> {
    if (bytes.length > MAX_READ_BYTES) {
      return { ok: false, error: { code: 'too_large', message: `${bytes.length} bytes` } }
    }
    const dir = await mkdtemp(join(root, 'u-'))
    // Only the base name: a crafted name cannot reach outside the folder.
    const safe = basename(name).replace(/^\.+$/, '') || 'document'
    const path = join(dir, safe)
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
    waiting.add(path)
    grants.grant([path])
    return { ok: true, value: path }
  }

  function wrap(handlers: Handlers): Handlers {
    const attach = handlers.attachDocument
    return {
      ...handlers,
      attachDocument: async (request) => {
        try {
          return await attach(request)
        } finally {
          if (waiting.delete(request.path)) await rm(dirname(request.path), { recursive: true, force: true })
        }
      },
    }
  }

  return { dir: root, put, wrap, clear: () => rmSync(root, { recursive: true, force: true }) }
}
