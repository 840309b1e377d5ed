import { readFile } from 'node:fs/promises'
import type { MrzFields } from '../../../src/domain/mrz/parse'
import type { PassportReader } from './passport-reader'

/** One printed line of `desk mrz`; line1, line2 and fields are null when no MRZ was found. */
export interface MrzLine {
  file: string
  found: boolean
  line1: string | null
  line2: string | null
  fields: Pick<
    MrzFields,
    | 'documentNumber'
    | 'nationality'
    | 'birthDate'
    | 'sex'
    | 'expiryDate'
    | 'lastName'
    | 'firstNames'
    | 'issuingState'
  > | null
  valid: boolean
  ms: number
  error?: string
}

/**
 * `desk mrz FILE...`: one JSON line per file, in order. The lines are printed only when every check
 * digit holds (exact or absent); the fields are printed with null for those that could not be read.
 * Resolves to the exit code: 1 when a file could not be read at all.
 */
export async function runMrz(
  files: string[],
  reader: PassportReader,
  out: (line: string) => void,
): Promise<number> {
  let failed = false
  for (const file of files) {
    const start = process.hrtime.bigint()
    const elapsed = () => Math.round(Number(process.hrtime.bigint() - start) / 1e6)
    try {
      const { found, reading } = await reader.read(await readFile(file))
      const fields = reading && {
        documentNumber: reading.fields.documentNumber,
        nationality: reading.fields.nationality,
        birthDate: reading.fields.birthDate,
        sex: reading.fields.sex,
        expiryDate: reading.fields.expiryDate,
        lastName: reading.fields.lastName,
        firstNames: reading.fields.firstNames,
        issuingState: reading.fields.issuingState,
      }
      const valid = reading?.valid ?? false
      out(
        JSON.stringify({
          file,
          found,
          line1: valid && reading ? reading.line1 : null,
          line2: valid && reading ? reading.line2 : null,
          fields,
          valid,
          ms: elapsed(),
        } satisfies MrzLine),
      )
    } catch (error) {
      failed = true
      // The error's name only: a message may quote the file's path.
      const name = error instanceof Error ? error.name : typeof error
      const line: MrzLine = {
        file,
        found: false,
        line1: null,
        line2: null,
        fields: null,
        valid: false,
        ms: elapsed(),
        error: name,
      }
      out(JSON.stringify(line))
    }
  }
  return failed ? 1 : 0
}
