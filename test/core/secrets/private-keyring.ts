import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PASSWORD = 'guichet-private'
const LOGIN = '/org/freedesktop/secrets/collection/login'
const unlockScript = fileURLToPath(new URL('./unlock-keyring.py', import.meta.url))

/** A gnome-keyring on a D-Bus session of its own, which a test may lock and unlock. */
export interface PrivateKeyring {
  /** As a desk whose session keychain was locked (screen lock policy, a user's "Lock" in Seahorse). */
  lock(): void
  /** As the person typing the session password again. */
  unlock(): void
  locked(): boolean
}

/**
 * Starts a D-Bus session and an unlocked gnome-keyring for this test file's process, and points the
 * process at it before anything reaches the keychain: locking the keyring that scripts/with-keyring.sh
 * shares with every other test file would fail them.
 * Locking uses the Secret Service's own `Lock`; unlocking needs a secret, which only gnome-keyring's
 * `UnlockWithMasterPassword` takes without a desktop prompt (python3-dbus: scripts/install-system-deps.sh).
 */
export function startPrivateKeyring(): PrivateKeyring {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-keyring-'))
  const home = join(dir, 'home')
  const run = join(dir, 'run')
  mkdirSync(home)
  mkdirSync(run, { mode: 0o700 })
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  })
  if (bus.status !== 0) throw new Error(`dbus-daemon did not start: ${bus.stderr}`)
  const [address, pid] = bus.stdout.trim().split('\n')
  const env = { ...process.env, HOME: home, XDG_RUNTIME_DIR: run, DBUS_SESSION_BUS_ADDRESS: address! }
  // The bus, and the keyring with it, goes when this process does, however it ends (a worker killed
  // gets no 'exit' event): the watchdog's stdin closes then.
  const watchdog = spawn('sh', ['-c', 'cat >/dev/null; kill "$0"; rm -rf "$1"', pid!, dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  watchdog.unref()
  ;(watchdog.stdin as unknown as { unref(): void }).unref()
  const keyring = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: PASSWORD,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  if (keyring.status !== 0) throw new Error('gnome-keyring-daemon did not start')
  // libsecret reads the address when it first connects, which nothing in this process did yet.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = address
  const call = (command: string, args: string[]) => {
    const done = spawnSync(command, args, { env, encoding: 'utf8' })
    if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr}`)
    return done.stdout
  }
  const secrets = ['--session', '--print-reply', '--dest=org.freedesktop.secrets']
  return {
    lock: () =>
      void call('dbus-send', [
        ...secrets,
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        `array:objpath:${LOGIN}`,
      ]),
    unlock: () => void call('/usr/bin/python3', [unlockScript, LOGIN, PASSWORD]),
    locked: () =>
      call('dbus-send', [
        ...secrets,
        LOGIN,
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ]).includes('boolean true'),
  }
}
