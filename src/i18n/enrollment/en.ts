import type fr from './fr'
import type { enrollmentErrors as frErrors } from './fr'

export default {
  title: 'Enroll this desk',
  intro:
    'Type the server address and the one-time enrollment code the administrator gave you (XXXX-XXXX-XXXX): the desk gets its id and its token, kept in the system keychain.',
  enrolled: 'This desk is enrolled: desk id {deskId}, server {backendUrl}.',
  notEnrolled: 'This desk is not enrolled yet: {missing} missing.',
  missing: {
    backendUrl: 'server address',
    deskId: 'desk id',
    token: 'desk token',
  },
  backendUrl: 'Server address',
  code: 'Enrollment code',
  codeHint:
    '12 characters, with or without dashes or spaces; the letters I, L, O and the digits 0 and 1 never appear.',
  submit: 'Enroll this desk',
  submitting: 'Enrolling…',
  done: 'Desk enrolled: desk id {deskId}.',
  doneWithEvent: 'Desk enrolled: desk id {deskId}, event “{eventName}”.',
  provisioning: {
    failed:
      'The provisioning file ({file}) could not enroll this desk: {reason} It will be read again at the next start; you can also enroll the desk in Settings.',
    enrolled: 'Desk enrolled at start from the provisioning file ({file}): desk id {deskId}.',
    codeKept:
      'The code could not be removed from {file} (read-only folder): the desk ignores it from now on, but ask the administrator to delete that file.',
    newBackend:
      'The provisioning file ({file}) asks to move this desk to another server: {next}. The desk stays with {current} and sent nothing to the other server. Administrator preparing this desk for a new event: unlock admin mode in Settings, then choose “Accept this server”; registrations not yet sent will go to the new server. If you did not expect this change, do not accept it and tell the administrator: someone may have changed this file.',
    accept: 'Accept this server',
    dismiss: 'Dismiss this message',
  },
} satisfies typeof fr

export const enrollmentErrors = {
  enrollment_code_format:
    'This is not an enrollment code: 12 characters (letters without I, L, O; digits 2 to 9), for example ABCD-2345-EFGH.',
  enrollment_code_unknown:
    'The server does not know this code: check it, or ask the administrator for a new one.',
  enrollment_code_used: 'This code was already used: ask the administrator for a new one.',
  enrollment_code_expired: 'This code has expired: ask the administrator for a new one.',
  enrollment_throttled:
    'Too many wrong codes from this network: wait 10 minutes before trying again, and check the code with the administrator.',
  backend_unreachable: 'The server cannot be reached: check the network and the server address.',
  backend_unexpected:
    'The answer did not come from a Guichet server: check the server address, or log in to the Wi-Fi first.',
  provisioning_file_unreadable: 'The provisioning file cannot be read.',
  provisioning_file_not_json: 'The provisioning file is not valid JSON.',
  provisioning_file_invalid: 'The provisioning file has invalid fields.',
  unknown_key: 'The provisioning file has an unknown field.',
  provisioning_new_backend:
    'The provisioning file names another server than this desk’s: only the administrator can accept it.',
  provisioning_notice_gone:
    'This message is out of date: restart Guichet to read the file again, or enroll the desk in Settings.',
} satisfies typeof frErrors
