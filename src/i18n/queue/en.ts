import type fr from './fr'
import type { queueErrors as frErrors } from './fr'

export default {
  title: 'Queue',
  nav: 'Queue',
  navCount: 'Queue ({count})',
  states: {
    queued: 'Waiting to be sent',
    sending: 'Sending',
    awaiting_documents: 'Sending documents',
    retry_wait: 'Will try again',
    needs_attention: 'Needs correcting',
    submitted: 'Sent',
  },
  counts: 'Registrations by state',
  countOf: '{state}: {count}',
  all: 'All registrations',
  columns: {
    reference: 'Reference',
    name: 'Name',
    email: 'Email address',
    capturedAt: 'Captured',
    state: 'State',
    attempts: 'Tries',
    problem: 'Last error',
    actions: 'Actions',
  },
  purged: 'Data erased after the retention period',
  nextAttempt: 'Next try: {at}',
  serverStatus: 'Status on the server: {status}',
  serverStatuses: {
    submitted: 'received',
    verified: 'account created',
    rejected: 'refused',
    awaiting_documents:
      'incomplete, documents missing and the student’s account not created: register the student again with their documents',
    other: 'being processed',
  },
  empty: 'No registration in the queue.',
  more: 'Show the next registrations',
  retryAll: 'Retry now',
  retryOne: 'Retry {reference} now',
  correct: 'Correct',
  correctOne: 'Correct {reference}',
  discard: 'Discard',
  discardOne: 'Discard {reference}',
  pause: 'Pause sending',
  resume: 'Resume sending',
  paused: 'Sending is paused: nothing leaves the desk until “Resume sending”.',
  lastSync: 'Last successful sync: {at}',
  neverSynced: 'No successful sync yet.',
  uploading: 'Sending the documents of {reference}',
  uploadingBytes: '{sent} of {total}',
  changed: '{reference}: {state}',
  correcting: 'Registration {reference} reopened for correction.',
  discarded: 'Registration {reference} was discarded.',
  dialog: {
    title: 'Discard registration {reference}?',
    body: 'The registration of {name} ({reference}) has not reached the server. It will be erased from this desk with its documents, for good.',
    bodyPurged:
      'Registration {reference} has not reached the server. It will be erased from this desk, for good.',
    typeReference: 'To confirm, type the reference {reference}',
    confirm: 'Discard for good',
    cancel: 'Cancel',
  },
  scanLostHeld:
    'A scan of this registration can no longer be read on the desk (missing, damaged or altered), and the server already holds the registration without it, so it cannot be corrected: discard it and register the student again with the document.',
  problems: {
    email_taken:
      'This email address already has a MesServices account: ask the student for another address, correct the registration and send it again.',
    validation_failed:
      'The server refused some fields: change the fields marked in the registration with the student, then send it again.',
    idempotency_key_reuse:
      'The server already holds this registration with other content: do not send it again, contact support.',
    request_in_progress: 'The server is still handling an earlier try; the desk will try again by itself.',
    documents_missing: 'The server still lacks documents; the desk will send them again by itself.',
    network: 'The server cannot be reached (no network?); the desk will try again by itself.',
    timeout: 'The server did not answer in time; the desk will try again by itself.',
    unexpected_answer:
      'The answer did not come from the server (a Wi-Fi login page?): log the desk in to the Wi-Fi; it will try again by itself.',
    unauthorized: 'The server refused the desk token: an admin must save a new token in Settings.',
    forbidden: 'The server refused the desk token: an admin must save a new token in Settings.',
    too_large: 'A document is over 10 MiB: correct the registration and replace it with a lighter scan.',
    unsupported_media_type:
      'The server does not take the type of a document: correct the registration and replace it with a PDF or JPEG.',
    digest_mismatch: 'A document was damaged on the way or on the desk; the desk will try again by itself.',
    not_found: 'A document of this registration is missing: correct the registration and add it again.',
    document_missing: 'A scan is missing on the desk: correct the registration and add the document again.',
    document_damaged:
      'A scan’s file on the desk is damaged or incomplete: correct the registration and add the document again from the original.',
    decrypt_failed:
      'A document can no longer be read on this desk: correct the registration and add it again.',
    document_altered:
      'A scan of this registration is not the one sealed with it (the desk database was changed outside Guichet): it is not sent, and nothing was deleted. Correcting or discarding a registration puts back a scan of another one it holds; then correct this one to send it. Tell support the reference.',
    internal:
      'A fault in the desk, not the network, stopped the sending; it is in the desk log. The desk will try again by itself; if this stays, contact support with the reference.',
    retry: 'The server is unavailable or busy; the desk will try again by itself.',
    refused: 'The server refused this registration: contact support with the reference.',
  },
  online: {
    label: 'Connection:',
    online: 'Online',
    offline: 'Offline',
    captivePortal: 'Wi-Fi: sign-in required',
    paused: 'Sending paused',
    unauthorized: 'Desk must be provisioned again: token refused',
    notConfigured: 'Desk not configured (settings incomplete)',
    keychainUnavailable: 'Sending on hold: unlock this session’s keychain',
  },
  verify: {
    legend: 'Email address check',
    send: 'Send the code',
    sendAgain: 'Send a new code',
    sent: 'Code sent to {email}. Ask the student for the 6 letters received.',
    code: 'Code received (6 letters)',
    confirm: 'Verify',
    verified: 'Address verified.',
    offline: 'Offline: the server will check the address by email later. You can send the registration.',
    optional: 'Optional: the registration can be sent without this check.',
    needsEmail: 'Type the email address first.',
  },
} satisfies typeof fr

export const queueErrors = {
  email_taken: 'This email address already has a MesServices account: ask the student for another address.',
  server_refused: 'The server refuses this value: check it with the student.',
  reference_mismatch: 'The reference typed is not this registration’s: copy it again.',
  record_busy:
    'This registration is being sent or was already received: pause sending, then discard it again.',
  not_correctable:
    'Only a registration the server refused before creating it can be corrected and sent again.',
  draft_in_progress: 'A registration is being filled in: send or discard it before correcting another one.',
  not_configured: 'The server address or the desk token is not saved: see Settings.',
  offline: 'The server cannot be reached: it will check the address by email later.',
  code_unknown: 'This code was not sent from this desk: send a new code.',
  wrong_code: 'This is not the code sent: check the letters with the student.',
  expired: 'The code has expired: send a new code.',
  too_many_attempts: 'Too many wrong codes: send a new code.',
  code_format: 'The code is 6 letters, no digits.',
} satisfies typeof frErrors
