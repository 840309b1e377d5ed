import { basename, join } from 'node:path'
import type { Handlers } from '../../electron/core/dispatch'

const DROPPED = 'drop:'

/**
 * A browser never tells a page where a dropped file lives, so the web bridge's `pathForFile` answers
 * `drop:<name>` and this maps it to that name in `dropDir`, the folder a test (or a dev:web user)
 * drops from, and grants it as the preload does in the app. Only the base name is kept, so a crafted
 * name cannot reach outside the folder. Without a dropDir, the path is left as it is and refused as
 * not granted, as a path the page made up would be in the app.
 */
export function withDropDir(
  handlers: Handlers,
  dropDir: string | undefined,
  grantFiles: (paths: readonly string[]) => void,
): Handlers {
  const attach = handlers.attachDocument
  return {
    ...handlers,
    attachDocument: (request) => {
      const path = droppedPath(request.path, dropDir)
      if (path !== request.path) grantFiles([path])
      return attach({ ...request, path })
    },
  }
}

function droppedPath(path: string, dropDir: string | undefined): string {
  if (!dropDir || !path.startsWith(DROPPED)) return path
  const name = basename(path.slice(DROPPED.length))
  return name === '..' ? path : join(dropDir, name)
}
