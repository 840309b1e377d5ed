import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/**
 * Reads one file of the built renderer for a URL path, for the app:// protocol and the web host
 * alike. Anything that resolves outside the renderer folder (`..`, encoded slashes) is not found.
 */
export async function readRendererFile(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; contentType: string } | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const base = resolve(root)
  const file = resolve(base, '.' + (decoded === '/' ? '/index.html' : decoded))
  if (!file.startsWith(base + sep)) return null
  try {
    return { body: await readFile(file), contentType: types[extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
