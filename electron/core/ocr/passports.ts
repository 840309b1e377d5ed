import { passportValidity } from '../../../src/domain/mrz/expiry'
import type { PassportScan } from '../../../src/domain/mrz/passport-scan'
import { passportReader, type PassportReader, type PassportReaderOptions } from './passport-reader'

/** The passport facts the sworn statement prints, kept from the last valid reading of a registration's scan. */
export interface PassportFacts {
  passportNumber: string
  /** YYYY-MM-DD */
  passportExpiry: string
}

/**
 * The desk's passport reading: the OCR reader, and what it read per registration (in memory only: a
 * registration reopened after a restart reads its passport scan again when the form shows it).
 */
export class Passports {
  readonly reader: PassportReader
  private readonly facts = new Map<string, PassportFacts>()

  constructor(private readonly options: PassportReaderOptions) {
    this.reader = passportReader(options)
  }

  async read(clientId: string, bytes: Buffer): Promise<PassportScan> {
    const { found, reading } = await this.reader.read(bytes)
    const fields = reading?.fields ?? null
    if (reading?.valid && fields?.documentNumber && fields.expiryDate)
      this.facts.set(clientId, { passportNumber: fields.documentNumber, passportExpiry: fields.expiryDate })
    return {
      found,
      valid: reading?.valid ?? false,
      fields,
      truncatedName: reading !== null && reading.line1[43] !== '<',
      validity: fields?.expiryDate ? passportValidity(fields.expiryDate, this.options.now()) : null,
    }
  }

  factsFor(clientId: string): PassportFacts | undefined {
    return this.facts.get(clientId)
  }

  forget(clientId: string): void {
    this.facts.delete(clientId)
  }

  close(): Promise<void> {
    return this.reader.close()
  }
}
