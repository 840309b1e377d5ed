import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runInspect } from '../../../electron/core/documents/inspect-cli'
import * as corpus from '../../fixtures/documents/corpus'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-inspect-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('prints one JSON line per file, in order, without the bytes, and exits 1 when any is refused', async () => {
  const pdf = join(dir, 'enrollment.pdf')
  const photo = join(dir, 'passport.jpg')
  const empty = join(dir, 'empty.png')
  await writeFile(pdf, await corpus.pdf(2))
  await writeFile(photo, await corpus.sidewaysPhotoWithGps())
  await writeFile(empty, '')
  const lines: string[] = []

  const code = await runInspect([pdf, photo, empty], (line) => lines.push(line))

  expect(code).toBe(1)
  const [first, second, third] = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  expect(lines).toHaveLength(3)
  expect(Object.keys(first ?? {})).toEqual(['file', 'ok', 'mediaType', 'size', 'pages', 'sha256'])
  expect(first).toMatchObject({ file: pdf, ok: true, mediaType: 'application/pdf', pages: 2 })
  expect(Object.keys(second ?? {})).toEqual(['file', 'ok', 'mediaType', 'size', 'width', 'height', 'sha256'])
  expect(second).toMatchObject({ file: photo, ok: true, width: 400, height: 600 })
  expect(second?.sha256).toMatch(/^[0-9a-f]{64}$/)
  expect(third).toEqual({ file: empty, ok: false, error: { code: 'empty', message: expect.any(String) } })
})

it('exits 0 when every file is accepted', async () => {
  const png = join(dir, 'scan.png')
  await writeFile(png, await corpus.png())
  expect(await runInspect([png], () => {})).toBe(0)
})

it('says on the line when a file is accepted although its extension names another format', async () => {
  const png = join(dir, 'passport.jpg')
  await writeFile(png, await corpus.png())
  const lines: string[] = []
  expect(await runInspect([png], (line) => lines.push(line))).toBe(0)
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({
    ok: true,
    mediaType: 'image/png',
    extensionMismatch: '.jpg',
  })
})
