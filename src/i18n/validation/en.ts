import type { MessageCode } from '../../domain/registration/codes'

/** Sentences for the registration rules' codes (English). */
export default {
  required: 'This field is required: please fill it in.',
  invalid_type: 'This value is not recognised: please enter it again.',
  invalid_choice: 'Choose a value from the list.',
  unknown_field: 'This field is not expected in the form: please report it to support.',
  too_long: 'This text is too long: please shorten it.',
  too_many: 'Two emergency contacts at most: remove one.',
  control_chars: 'This text contains invisible characters (often from copy and paste): please type it in.',
  markup: 'The signs < and > are not accepted: please remove them.',
  name_chars:
    'A name may only contain letters (of any alphabet), spaces, hyphens and apostrophes: remove digits and symbols.',
  email_invalid: "This email address is not valid: please check it (example: first.last{'@'}example.com).",
  email_mismatch: 'The two email addresses differ: type the same address twice.',
  date_invalid: 'This date does not exist: enter it as DD/MM/YYYY (example: 12/08/1999).',
  age_implausible: 'With this birth date the age is not a student’s (15 to 100 years): check the year.',
  ine_format:
    'An INE has 11 characters: 10 digits and 1 letter, or 9 digits and 2 letters. Check it on a transcript, or tick “I have no INE”.',
  ine_key: 'This INE contains a typing error (its check key does not match): check each character.',
  ine_identical_digits: 'This INE is not valid (10 identical digits): check it or tick “I have no INE”.',
  uai_format:
    'An establishment code (UAI) has 7 digits and a letter: choose the establishment from the list.',
  uai_key: 'This establishment code (UAI) contains an error: choose the establishment from the list.',
  uai_department:
    'This establishment is not in the chosen département: choose the establishment again, or its département.',
  phone_invalid:
    'This phone number is not valid for the chosen country: check it, or type it with the country code (example: +33 6 12 34 56 78).',
  phone_extension: 'Extensions are not accepted: enter the number alone.',
  phone_not_mobile: 'This is a landline number: please enter a mobile number.',
  phone_not_landline: 'This is a mobile number: put it in the “Mobile phone” field.',
  postal_code_format:
    'This postal code is not valid: 5 digits in France, elsewhere letters, digits, spaces and hyphens (12 characters at most).',
  postal_code_department:
    'This postal code matches no French département: check its first 2 digits (3 overseas, e.g. 974), or choose the country.',
  postal_code_unknown: 'Postal code not in the list of communes: please check it.',
  emergency_contact_reach: 'Give at least one way to reach this contact: mobile, landline or email.',
  phone_read_as:
    'Will be sent as {number} ({country}) — for another country, type its code (+212…) or choose the country.',
  rnie_key_unverified: 'Check this INE character by character: its check key could not be verified.',
} satisfies Record<MessageCode, string>
