import type fr from './fr'
import type { documentErrors as frErrors } from './fr'

export default {
  slots: {
    identity: {
      title: 'Identity document',
      rules:
        'Passport with the visa (and the residence permit if there is one): up to 3 files, in the student’s name, photo visible.',
    },
    enrollment: {
      title: 'Proof of enrollment',
      rules: 'Certificate of enrollment, or a signed and dated sworn statement in French: up to 2 files.',
    },
  },
  required: 'Required',
  optional: 'Optional',
  enrollmentRequired:
    'Required: the student has no INE, so this document proves their enrollment in higher education.',
  count: '{count} of {max} files',
  choose: 'Choose a file…',
  dropHint: 'or drag it here (PDF, JPEG, PNG).',
  shortcut: 'Shortcut: {keys}, from anywhere in the form.',
  dropHere: 'Drop the file to add it',
  adding: 'Adding…',
  added: '{name} added.',
  removed: '{name} removed.',
  full: 'This slot is full: remove or replace a file to add another.',
  remove: 'Remove',
  removeNamed: 'Remove {name}',
  replace: 'Replace',
  replaceNamed: 'Replace {name}',
  replaceQuestion: 'Replace {name} with another file?',
  replaceKeep: 'Keep',
  replaceChoose: 'Choose the new file…',
  preview: 'Enlarge {name}',
  pages: '{pages} pages | {pages} page | {pages} pages',
  checked: 'Document checked',
  checkedHint: 'Name and photo compared with the student.',
  close: 'Close',
  print: 'Print',
  thumbnailFailed: 'No preview',
  attestation: {
    generate: 'Generate the sworn statement',
    generating: 'Preparing the statement…',
    ready: 'Statement ready: print it, have the student sign and date it, then add its scan here.',
    notSaved:
      'It is saved nowhere on this computer (it holds the student’s personal data): print it from the preview.',
    open: 'View and print',
    title: 'Sworn statement',
  },
  settings: {
    scannerFolder: 'Scanner folder',
    scannerFolderHint:
      'The folder the desk’s scanner saves its files into (full path); they show up in “Received scans”. A scan added to a registration is moved into the desk (encrypted) and removed from that folder. Empty: no scanner.',
  },
  scans: {
    title: 'Received scans',
    empty: 'No scans yet: files the scanner saves show up here.',
    hint: 'Attach a scan with one click, or drag it onto a slot: it then moves into the desk, encrypted, and leaves the scanner folder.',
    moved: '{name} is now in the desk (encrypted) and was removed from the scanner folder.',
    toIdentity: 'Identity',
    toEnrollment: 'Enrollment',
    attachIdentity: 'Identity: attach {name} to the identity document',
    attachEnrollment: 'Enrollment: attach {name} to the proof of enrollment',
    attached: 'already attached',
    earlier: 'previous student?',
    noPicture: 'No preview',
    earlierHint: 'Arrived before this registration was opened: check it is not the previous student’s scan.',
  },
} satisfies typeof fr

export const documentErrors = {
  file_missing:
    'The file is no longer there (moved, renamed, deleted, or its drive removed): find it again and add it.',
  not_a_file: 'This is a folder, not a file: open the folder and choose the scan itself.',
  file_unreadable:
    'Guichet may not read this file, or another program holds it: close the scanner or viewer program, or copy the file to the desktop, and add it again.',
  file_changed:
    'The file changed while Guichet was reading it; the scanner may still be writing it: wait until the scan is finished and add it again.',
  empty: 'The file is empty (0 bytes): scan the document again.',
  too_large: 'The file is too large (10 MiB at most): scan again at 300 dpi or less, or as a grayscale PDF.',
  type_mismatch:
    'The file’s name and its content disagree: check that it is the right file, then scan it again as PDF or JPEG.',
  unsupported_type:
    'Guichet accepts PDF, JPEG and PNG (TIFF is converted): scan it again as PDF or JPEG; on an iPhone, set Camera > Formats to Most Compatible.',
  truncated:
    'The file is incomplete or damaged (an interrupted copy?): copy it again from where it came from, or scan again.',
  image_too_large:
    'The image is absurdly large (over 100 megapixels), so the file may be damaged: scan again at 300 dpi or less.',
  pdf_unreadable:
    'The PDF cannot be read: open it in a PDF viewer to check it, then print it to a new PDF or scan the paper again.',
  pdf_encrypted:
    'The PDF is protected by a password or encrypted: ask for an unprotected copy, print it to a new PDF, or scan the paper document.',
  pdf_too_many_pages:
    'The PDF has more than 10 pages: keep only the pages needed and save it again, or scan just those pages.',
  pdf_active_content:
    'The PDF contains code or attached files, refused for safety: print it to a new PDF (which drops them) or scan the paper document.',
  pdf_too_complex:
    'The PDF is built so that checking it would take too much memory (a scan never is): print it to a new PDF or scan the paper document.',
  pdf_stream_too_big:
    'The PDF holds compressed content that would unpack to far more than its size and could freeze the desk (a scan never does): print it to a new PDF, or scan the paper document as an image.',
  slot_full: 'This slot is full: remove a file before adding another.',
  not_a_draft: 'Documents can only be added to the registration being filled.',
  document_missing: 'A scan is missing from the desk’s document folder: add the document again.',
  document_damaged:
    'This scan’s file on the desk is damaged or incomplete (not the size it was saved at): add the document again from the original.',
  decrypt_failed: 'This encrypted document can no longer be read (desk key reset?): add the document again.',
  document_altered:
    'This scan is not the one sealed with this registration (the desk database was changed outside Guichet): call support; nothing was deleted.',
  not_found: 'This document is no longer on the desk.',
  drop_no_path:
    'This file does not come from the disk (dragged from a browser or an email?): save it first, then add it.',
  attestation_needs_name: 'Type the student’s last and first names first: the statement is made out in them.',
  attestation_unprintable:
    'The statement prints Latin letters only, and the name or address is in another script: type them as on the passport’s machine-readable lines, or let the student write the statement by hand.',
  not_granted:
    'This file was not chosen in this window: add it with “Choose a file”, by dropping it here or from the scanner folder.',
  network_path:
    'This file is on a network share: copy it to this computer first (to the desktop, for instance), then add it.',
} satisfies typeof frErrors
