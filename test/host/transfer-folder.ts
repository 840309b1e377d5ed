import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * dev:web's stand-in for the system dialog of an export or import file, which a browser page does
 * not have: a save answers a new file in `dir`, an open the newest .guichet file there (null when
 * there is none: cancelled). Like a dialog's answer, the core grants it; the page names no path.
 */
export function transferFolder(folder: string, now: () => Date) {
  // A dialog answers an absolute path, and the core takes no other: dev:web's default data folder is relative.
  const dir = resolve(folder)
  return ({ mode }: { mode: 'save' | 'open' }): string | null => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (mode === 'save') {
      const stamp = now().toISOString().replace(/[:.]/g, '-')
      return join(dir, `guichet-export-${stamp}.guichet`)
    }
    const newest = readdirSync(dir)
      .filter((name) => name.endsWith('.guichet'))
      .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)[0]
    return newest?.path ?? null
  }
}
