/** A desk command: `run` gets the arguments after its name and resolves to the exit code. */
export interface DeskCommand {
  run(args: string[]): Promise<number>
}

/**
 * The commands of `npm run desk`, one line each. Loaded only when chosen, so `inspect` does not open
 * the database or the keychain that other commands need.
 */
export const commands: Record<string, { summary: string; load: () => Promise<DeskCommand> }> = {
  inspect: { summary: 'check files as the desk would take them in', load: () => import('./inspect') },
  enqueue: { summary: 'queue a registration from a JSON file', load: () => import('./commands/enqueue') },
  queue: { summary: 'list the queue, one JSON line per record', load: () => import('./commands/queue') },
  sync: { summary: 'send the queue (--once: then exit)', load: () => import('./commands/sync') },
  export: { summary: 'write unsent records to an encrypted file', load: () => import('./commands/export') },
  import: { summary: "take in another desk's export file", load: () => import('./commands/import') },
  provision: {
    summary: 'enroll the desk: --file desk.json, or --backend <url> --code <code>',
    load: () => import('./commands/provision'),
  },
  status: {
    summary: 'one JSON line: enrolled, desk id, backend, online, counts',
    load: () => import('./commands/status'),
  },
  settings: {
    summary: 'settings get [key...] | settings set key=value...',
    load: () => import('./commands/settings'),
  },
  mrz: { summary: "read passport scans' MRZ, one JSON line per file", load: () => import('./mrz') },
  audit: {
    summary: 'print the audit log (--json, --since) or verify its chain',
    load: () => import('./commands/audit'),
  },
}
