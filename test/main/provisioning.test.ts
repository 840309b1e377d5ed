import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import type { EnrollmentStatus } from '../../src/domain/enrollment/status'
import { useBackend } from '../backend/use-backend'
import { FakeBrowserWindow, type FakeElectron } from './fake-electron'

const fake: FakeElectron = await vi.hoisted(async () =>
  (await import('./fake-electron')).createFakeElectron(),
)
vi.mock('electron', () => fake.electron)

const t = useBackend()
const dirs: string[] = []
afterEach(() => {
  // The app closes its core when it quits.
  fake.appEvents.emit('will-quit')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

it('the Electron shell enrolls the desk from the desk.json beside its executable and tells the page', async () => {
  fake.reset()
  Object.assign(process, { resourcesPath: process.cwd() })
  const installDir = mkdtempSync(join(tmpdir(), 'guichet-install-'))
  fake.state.userData = mkdtempSync(join(tmpdir(), 'guichet-shell-'))
  dirs.push(installDir, fake.state.userData)
  fake.state.paths['exe'] = join(installDir, 'Guichet.exe')
  delete process.env['GUICHET_DATA_DIR']
  t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'installed-desk' }, new Date())
  writeFileSync(
    join(installDir, 'desk.json'),
    JSON.stringify({ backendUrl: t.backend.url, enrollmentCode: 'ABCD-2345-EFGH' }),
  )

  vi.resetModules()
  const { runApp } = await import('../../electron/main/app')
  runApp()
  fake.ready()
  const sentStatus = () => {
    const sent = FakeBrowserWindow.instances[0]?.webContents.sent ?? []
    const found = sent.find(([channel]) => channel === 'guichet-event:enrollmentChanged')
    if (!found) throw new Error('no enrollment event yet')
    return found[1] as EnrollmentStatus
  }
  // Waits for the event the shell forwards, not for a time.
  const status = await vi.waitFor(sentStatus, { timeout: 60_000, interval: 50 })
  expect(status).toMatchObject({
    enrolled: true,
    deskId: 'installed-desk',
    provisioning: { result: 'enrolled', codeRemoved: true },
  })
  expect(JSON.parse(readFileSync(join(installDir, 'desk.json'), 'utf8'))).toEqual({
    backendUrl: t.backend.url,
  })
})
