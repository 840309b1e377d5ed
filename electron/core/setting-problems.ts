import { ENROLLMENT_ALPHABET } from '../../src/domain/enrollment/code'

/**
 * The settings schema's codes in English words an admin acts on, for the CLI and the desk log's
 * readers (the UI has its own French and English sentences for the same codes).
 */
const WORDS: Record<string, string> = {
  required: 'required',
  not_key_value: 'write key=value',
  desk_id_format: 'letters, digits and dashes only, e.g. paris-fair-3',
  too_long: 'too long',
  control_chars: 'no control characters (tab, bell, escape…) and no text-direction overrides',
  markup: 'plain text only: no < or >',
  backend_url_format:
    'https://…, or http:// to this machine only (127.0.0.1, localhost), no user name or "?"',
  retention_days_range: 'a whole number of days from 0 to 3650',
  enrollment_code_format: `12 characters from ${ENROLLMENT_ALPHABET} (no 0, 1, I, L or O), as XXXX-XXXX-XXXX`,
}

export const problemWords = (code: string): string => WORDS[code] ?? code
