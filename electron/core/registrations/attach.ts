import { basename } from 'node:path'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import type { DocumentKind } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import { inspectFile } from '../documents/inspect'
import { scannerFs } from '../documents/read-stable'
import type { ScannerFolder } from '../documents/scanner-folder'
import type { DocumentVault } from '../documents/vault'
import type { Documents } from './documents'
import type { Registrations } from './repository'

/**
 * Takes a local file into the registration being filled, whichever way it came (dialog, drop,
 * scanner folder): the one inspection, then the encrypted file, then its row. A refused file
 * changes nothing already captured. A file of the scanner folder is read without following links
 * (others may write there), and a scan from it is then removed from it (the answer says so): the desk
 * holds it encrypted now.
 */
export async function attachFile(
  parts: { registrations: Registrations; documents: Documents; vault: DocumentVault; scans?: ScannerFolder },
  clientId: string,
  kind: DocumentKind,
  path: string,
): Promise<DocumentSummary> {
  const inspected = await inspectFile(path, parts.scans?.holds(path) ? { fs: scannerFs } : {})
  if (!inspected.ok) throw new GuichetFailure(inspected.error.code, inspected.error.message)
  parts.registrations.ensureDraft(clientId)
  const { bytes, mediaType, size, sha256, pages, width, height } = inspected
  const id = await parts.vault.put(bytes)
  let attached: DocumentSummary
  try {
    attached = parts.documents.attach(clientId, kind, {
      id,
      fileName: basename(path),
      mediaType,
      size,
      sha256,
      ...(pages !== undefined && { pages }),
      ...(width !== undefined && { width }),
      ...(height !== undefined && { height }),
    })
  } catch (error) {
    await parts.vault.delete(id)
    throw error
  }
  return (await parts.scans?.release(path)) ? { ...attached, movedFromScanner: true } : attached
}
