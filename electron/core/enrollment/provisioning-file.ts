import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import {
  checkProvisioningFile,
  provisioningFileSchema,
  type ProvisioningFile,
} from '../../../src/domain/enrollment/provisioning'
import { GuichetFailure } from '../../../src/domain/result'
import { writeFileAtomic } from '../crypto/atomic-file'
import { problemWords } from '../setting-problems'

const PROVISIONING_KEYS = Object.keys(provisioningFileSchema.fields)

/** desk.json is a few hundred bytes; anything much larger is not one. */
const MAX_BYTES = 64 * 1024

/**
 * Reads and checks a provisioning file. Each way it can be wrong is its own failure, so the admin
 * reads which: unreadable, not JSON, or the fields that are not valid (unknown keys included).
 */
export async function readProvisioningFile(path: string): Promise<ProvisioningFile> {
  let text: string
  try {
    if ((await stat(path)).size > MAX_BYTES) throw new Error('too large')
    text = await readFile(path, 'utf8')
  } catch {
    throw new GuichetFailure(
      'provisioning_file_unreadable',
      'The provisioning file cannot be read: check its path and that it is a small JSON file.',
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new GuichetFailure(
      'provisioning_file_not_json',
      'The provisioning file is not JSON: check its syntax.',
    )
  }
  const checked = checkProvisioningFile(raw)
  if (!checked.ok) {
    const words = (code: string) =>
      code === 'unknown_key'
        ? `not a field of desk.json (${PROVISIONING_KEYS.join(', ')})`
        : problemWords(code)
    const names = checked.fields.map((f) => `${f.path || 'the file'}: ${words(f.code)}`).join('; ')
    throw new GuichetFailure(
      'provisioning_file_invalid',
      `The provisioning file has invalid fields: ${names}.`,
      checked.fields,
    )
  }
  return checked.value
}

/**
 * After a successful enrollment the code must not stay on the disk: the file is rewritten without
 * it, keeping everything else. Answers false when the folder or file is read-only to this user.
 */
export async function removeCode(path: string): Promise<boolean> {
  try {
    const raw = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as Record<string, unknown>
    delete raw['enrollmentCode']
    const mode = (await stat(path)).mode & 0o777
    await writeFileAtomic(path, Buffer.from(JSON.stringify(raw, null, 2) + '\n'), mode)
    return true
  } catch {
    return false
  }
}

/** How a used code is remembered when it could not be removed from its file (never the code itself). */
export const codeFingerprint = (code: string): string =>
  createHash('sha256').update(`guichet-enrollment-code:${code}`).digest('hex')
