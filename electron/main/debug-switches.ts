/**
 * Switches that open the app to a debugger: whoever attaches one reads every student's data and can
 * call the core as the page. The fuses already refuse Node's --inspect; Chromium's remote debugging
 * is not a fuse, so the packaged app refuses to start with any of them.
 */
const switches = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port']

/** The debugging switches the app was started with, as typed (`--inspect=9229` counts as `--inspect`). */
export function debuggingSwitches(argv: readonly string[], hasSwitch: (name: string) => boolean): string[] {
  const typed = argv
    .filter((arg) => /^--(inspect|remote-debugging)/.test(arg))
    .map((arg) => arg.split('=')[0]!)
  return [...new Set([...switches.filter(hasSwitch).map((name) => `--${name}`), ...typed])]
}
