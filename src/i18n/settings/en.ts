import type fr from './fr'
import type { settingsErrors as frErrors } from './fr'

export default {
  title: 'Desk settings',
  desk: 'Desk',
  deskId: 'Desk id',
  eventName: 'Event name',
  deskContact: 'Desk contact',
  deskContactHint:
    'Printed on the receipt the student takes away: service, place, phone, email. Plain text, 160 characters at most; empty, the receipt says nothing of it.',
  locale: 'Default language',
  backendUrl: 'Server address',
  backendUrlHint: 'https://…; http:// only to this desk (127.0.0.1), for demos.',
  retentionDays: 'Kept after sending (days)',
  retentionDaysHint: 'The personal data of a sent registration is erased after this; only its receipt stays.',
  save: 'Save',
  saved: 'Settings saved.',
  version: 'Version',
  dataDir: 'Data folder',
  locked: 'Admin mode is locked: unlock it above to change these settings.',
  /** The legends of the desk settings' groups. */
  groups: {
    desk: 'The desk and the event',
    documents: 'Documents and retention',
    server: 'Server and locking',
  },
  admin: {
    title: 'Admin mode',
    provisioning:
      'No admin PIN yet: the desk is being set up and every setting is open. Set a PIN before handing the desk over.',
    unlocked: 'Admin mode unlocked (locks again after 10 minutes without action).',
    lockedState: 'Admin mode locked.',
    pin: 'Admin PIN',
    pinHint: 'At least 6 characters, no spaces.',
    newPin: 'New admin PIN',
    pinAgain: 'New PIN (again)',
    setPin: 'Set an admin PIN',
    changePin: 'Change the admin PIN',
    pinSet: 'Admin PIN saved.',
    pinMismatch: 'The two PINs differ: type the same PIN twice.',
    unlock: 'Unlock',
    lock: 'Lock',
    needed: 'This needs admin mode: type the admin PIN.',
  },
  token: {
    title: 'Desk token',
    label: 'New desk token',
    hint: 'Given by the Crous team; kept in the system keychain, never shown.',
    save: 'Save the token',
    saved: 'Token saved.',
  },
  connection: {
    test: 'Test connection',
    testing: 'Testing…',
    ok: 'Connected: the server answers and accepts the desk token.',
    not_configured: 'This desk is not ready yet. Missing: {missing}. Enroll it above.',
    offline: 'The server cannot be reached: check the network and the server address.',
    captive_portal: 'The network wants a login (Wi-Fi login page): open a browser to log in.',
    server_error:
      'The server answers but is not working for now (HTTP {status}): it is not the network. The desk will try again by itself; if it lasts, tell the server team.',
    unauthorized: 'The server refuses this token: save a new token.',
    forbidden: 'The server refuses this token for this desk: ask for a new token.',
    unexpected: 'Unexpected answer from the server (HTTP {status}): check the server address.',
  },
  transfer: {
    title: 'Move the queue to another desk',
    hint: 'When this desk will not be online again: the registrations not sent go into an encrypted file, to import on another desk.',
    path: 'File',
    pathHint: 'Choose it with the “Choose…” button (a .guichet file).',
    browse: 'Choose…',
    passphrase: 'Passphrase',
    passphraseHint:
      'Several unrelated words, hard to guess, or a generated one; pass it on separately from the file.',
    generate: 'Generate a passphrase',
    generated: 'Passphrase to write down and pass on separately from the file:',
    refusedRecord: '{reference} ({field}): {reason}',
    passphraseAgain: 'Passphrase (again)',
    passphraseMismatch: 'The two passphrases differ.',
    export: 'Export',
    import: 'Import',
    exported: 'Exported: {records} and {documents}.',
    imported: 'Added to the queue: {records} and {documents}; {skipped}.',
    recordCount: 'no registration | 1 registration | {n} registrations',
    documentCount: 'no document | 1 document | {n} documents',
    skippedCount: 'none already here | 1 already here | {n} already here',
    conflicts: 'Email address already used on this desk: {references}.',
  },
} satisfies typeof fr

export const settingsErrors = {
  admin_required: 'This needs admin mode: type the admin PIN.',
  wrong_pin: 'This is not the admin PIN.',
  pin_locked_out: 'Too many wrong PINs: this PIN is blocked for a few minutes. Try again later.',
  pin_too_short: 'The PIN has at least 6 characters.',
  pin_spaces: 'The PIN has no spaces.',
  required: 'This field is required.',
  too_long: 'This text is too long.',
  control_chars: 'This text contains invisible characters (often from copy and paste): please type it in.',
  markup: 'The signs < and > are not accepted: please remove them.',
  backend_url_format:
    'Not a valid address: https://…, or http:// only to this desk (127.0.0.1 or localhost), with no user name or “?”.',
  retention_days_range: 'A whole number of days, from 0 to 3650.',
  token_format: 'The token has no spaces or accents: copy it again.',
  passphrase_too_short: 'The passphrase has at least 8 characters.',
  transfer_file_not_chosen:
    'Choose the file with the “Choose…” button: Guichet writes and reads only a .guichet file chosen there.',
  transfer_file_type: 'Choose a Guichet export file: its name ends in .guichet.',
  wrong_passphrase: 'This passphrase does not open the file.',
  not_an_export: 'This file is not a Guichet export.',
  export_truncated: 'The file is incomplete: copy it again from the other desk.',
  export_damaged: 'The file was altered or damaged: nothing more was read.',
  export_unreadable: 'This file cannot be opened: check the path and that the USB drive is plugged in.',
  passphrase_weak:
    'This passphrase is too easy to guess for a file that holds passports: use several unrelated words, or the passphrase the desk generates.',
  body_mismatch:
    'The request stored in the file does not match the registration: ask the other desk for a new export.',
  size_mismatch:
    'A document in the file is not the size its registration says: ask the other desk for a new export.',
  document_altered:
    'A scan of a registration is not the one sealed with it (the desk database was changed outside Guichet): nothing was exported. Contact support; nothing was deleted.',
  image_metadata:
    'An image in the file still carries metadata (position, camera) that Guichet would have removed: the file did not come from a Guichet desk; ask for a new export.',
  duplicate_record: 'This registration is in the file twice: ask the other desk for a new export.',
  import_refused:
    'This file holds registrations that fail this desk’s checks: nothing was imported. Each refused registration is listed with the reason.',
  database_damaged:
    'The desk database is damaged, so this could not be done. Restart Guichet: it checks the database at start and keeps the damaged file aside with its scans for support; nothing is deleted.',
  data_key_missing:
    'This desk’s encryption key is gone from the system keychain while encrypted data is stored (registrations, agents, audit log, scans): nothing was changed. Call support before doing anything else.',
  keychain_unavailable:
    'The system keychain is locked or cannot be reached: nothing was changed or lost, and no key was made. Unlock this session’s keychain (or log in to the desktop session), then try again.',
  data_key_wrong:
    'This desk’s data was sealed with another encryption key than the one in the system keychain: nothing was changed. Call support to restore the keychain entry; with it every registration opens again.',
  desk_in_use:
    'This data folder is already open in Guichet (the app or a command): close the other one first.',
} satisfies typeof frErrors
