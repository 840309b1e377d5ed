import { commands } from './commands'

/**
 * `npm run desk -- <command> [args...]`: the desk's admin commands, in plain Node over the same core
 * as the app. Each command is a module that resolves to the process's exit code.
 */
const [name = '', ...args] = process.argv.slice(2)
const command = Object.hasOwn(commands, name) ? commands[name] : undefined
if (!command) {
  if (name) console.error(`Unknown command "${name}".`)
  console.error('Usage: npm run desk -- <command> [args...]')
  for (const [known, { summary }] of Object.entries(commands))
    console.error(`  ${known.padEnd(10)} ${summary}`)
  process.exit(2)
}
try {
  process.exitCode = await (await command.load()).run(args)
} catch (error) {
  // A mistyped option is the admin's to fix: one line, not a stack.
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error
  console.error((error as Error).message)
  process.exitCode = 2
}
