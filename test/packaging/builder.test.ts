import { extractFile, listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { FuseState } from '@electron/fuses/dist/constants.js'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { build, createTargets, Platform } from 'electron-builder'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, loadBuilderConfig, projectDir } from './project'
import { makeStubElectronDist } from './stub-electron'

const config = loadBuilderConfig()

describe('installer configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds x64 and arm64 installers for Windows (NSIS) and macOS (dmg)', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true })
  })

  it('asks macOS for the JIT exception only', () => {
    const plist = readFileSync(join(projectDir, config.mac?.entitlements ?? 'missing'), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ])
  })

  it('has a 1024 px icon for electron-builder to derive .ico and .icns from', async () => {
    expect(await sharp(join(projectDir, 'build/icon.png')).metadata()).toMatchObject({
      width: 1024,
      height: 1024,
    })
  })
})

describe('packaged app (electron-builder --dir --linux, stub Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'guichet-packaging-'))
  const output = join(work, 'dist')
  let appDir = ''
  let resourcesDir = ''
  let archive = ''

  beforeAll(async () => {
    ensureBuilt()
    await build({
      projectDir,
      targets: createTargets([Platform.LINUX], 'dir', process.arch),
      publish: 'never',
      config: {
        ...config,
        npmRebuild: false,
        electronDist: makeStubElectronDist(join(work, 'electron')),
        directories: { ...config.directories, output },
      },
    })
    const unpacked = readdirSync(output).find((name) => name.startsWith('linux') && name.endsWith('unpacked'))
    appDir = join(output, unpacked ?? 'linux-unpacked')
    resourcesDir = join(appDir, 'resources')
    archive = join(resourcesDir, 'app.asar')
  }, 120_000)

  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('flips every Electron fuse the config sets', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'guichet'))
    const on = FuseState.ENABLE
    const off = FuseState.DISABLE
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: off,
      [FuseV1Options.EnableCookieEncryption]: on,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
      [FuseV1Options.EnableNodeCliInspectArguments]: off,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
      [FuseV1Options.OnlyLoadAppFromAsar]: on,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
    })
  })

  it('puts the built bundles and the manifest in app.asar', () => {
    const files = listPackage(archive, { isPack: false })
    for (const file of [
      '/out/main/index.js',
      '/out/main/upload-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      // pdf.js's font data and CMaps, which the page's PDF previews read from the app itself.
      '/out/renderer/pdfjs/standard_fonts/LiberationSans-Regular.ttf',
      '/out/renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      // OpenJPEG in plain JavaScript, which pdf.js imports to draw JPEG 2000 scans (no wasm: SECURITY.md).
      '/out/renderer/pdfjs/wasm/openjpeg_nowasm_fallback.js',
      '/package.json',
    ]) {
      expect(files).toContain(file)
    }
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString()) as Record<string, unknown>
    expect(manifest).toMatchObject({ name: 'guichet', main: 'out/main/index.js' })
    expect(manifest).not.toHaveProperty('devDependencies.electron')
  })

  it('leaves sources and tests out of app.asar', () => {
    const ours = listPackage(archive, { isPack: false }).filter((file) => !file.startsWith('/node_modules/'))
    expect(ours.filter((file) => /^\/(src|electron|test|scripts|build|resources)\//.test(file))).toEqual([])
  })

  it('unpacks the native modules, and they load from there', () => {
    const unpacked = join(resourcesDir, 'app.asar.unpacked')
    const natives = [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/keytar/build/Release/keytar.node',
      `node_modules/@img/sharp-${process.platform}-${process.arch}/lib/sharp-${process.platform}-${process.arch}.node`,
    ]
    for (const file of natives) {
      expect(statFile(archive, file)).toMatchObject({ unpacked: true })
      // sharp's .node finds libvips by a path relative to itself: loading it proves libvips came along.
      const module = { exports: {} }
      process.dlopen(module, join(unpacked, file))
      expect(Object.keys(module.exports).length, file).toBeGreaterThan(0)
    }
  })

  it('ships resources/ beside the app, file for file', () => {
    expect(tree(join(resourcesDir, 'resources'))).toEqual(tree(join(projectDir, 'resources')))
  })
})

function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => relative(root, join(entry.parentPath, entry.name)) + (entry.isDirectory() ? '/' : ''))
    .sort()
}
