// Renders build/icon.svg to the 1024x1024 PNG electron-builder turns into .icns and .ico.
// Run after editing the SVG: `node scripts/gen-icon.mjs`; both files are committed.
import sharp from 'sharp'
import { fileURLToPath } from 'node:url'

const build = fileURLToPath(new URL('../build/', import.meta.url))
await sharp(`${build}icon.svg`, { density: 144 }).resize(1024, 1024).png().toFile(`${build}icon.png`)
console.log('build/icon.png written')
