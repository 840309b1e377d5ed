import { SENTINEL } from '@electron/fuses/dist/constants.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Electron's stock fuse wire (v1, 8 fuses): run-as-node, NODE_OPTIONS, --inspect and file://
 * privileges on; cookie encryption, asar integrity, asar-only loading and the browser snapshot off.
 * Every fuse the installer sets differs from this, so reading the wire back proves it was flipped.
 */
export const STOCK_FUSE_WIRE = '10110001'

/**
 * An unpacked Electron for `electronDist` that is not Electron: a shell script holding the fuse
 * sentinel and wire where @electron/fuses looks for them. electron-builder copies the folder, renames
 * `electron` after the app and flips the fuses in it, as it does with the real binary.
 */
export function makeStubElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests" >&2\nexit 1\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, STOCK_FUSE_WIRE.length]),
    Buffer.from(STOCK_FUSE_WIRE),
    Buffer.from('\n'),
  ])
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 })
  writeFileSync(join(dir, 'LICENSE'), 'stub\n')
  return dir
}
