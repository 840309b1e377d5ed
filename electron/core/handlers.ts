import { searchEstablishments } from '../../src/domain/reference/establishments'
import { GuichetFailure } from '../../src/domain/result'
import { knownFailure } from './disk-full'
import type { Core } from './core'
import type { Handlers } from './dispatch'
import { referenceOf } from '../../src/domain/queue/reference'
import { generateAttestation } from './attestation/generate'
import { enrollDesk } from './enrollment/enroll'
import { acceptNewBackend } from './enrollment/first-start'
import { dismissProvisioning } from './enrollment/provisioning-notice'
import { announceEnrollment, enrollmentStatus } from './enrollment/status'
import { pdfToDraw } from './documents/pdf-to-draw'
import { scanThumbnail } from './documents/scan-thumbnail'
import { peopleHandlers } from './people/handlers'
import { attachFile } from './registrations/attach'
import { changeSettings } from './settings-change'
import { syncHandlers } from './sync/handlers'
import { TransferGrants } from './transfer/transfer-grants'

/**
 * Handlers that only a host can provide (a native dialog needs Electron; the web host stands in for
 * it). The export/import file is whatever the host's dialog answers: exportQueue and importQueue take
 * no other path. A host without that dialog answers "cancelled".
 */
export type HostHandlers = Pick<Handlers, 'chooseFiles'> & Partial<Pick<Handlers, 'chooseTransferFile'>>

/** The core's answer to every channel of the contract, with the host's own where the core has none. */
export function createHandlers(core: Core, host: HostHandlers): Handlers {
  const { registrations, documents, settings, reference, vault } = core
  const transferGrants = new TransferGrants()
  const chooseTransferFile = host.chooseTransferFile ?? (() => null)
  return judgingDiskErrors(core.appInfo.dataDir, {
    ...host,
    chooseTransferFile: async (request) => {
      const chosen = await chooseTransferFile(request)
      return chosen === null ? null : transferGrants.grant(request.mode, chosen)
    },
    ...syncHandlers(core, transferGrants),
    ...peopleHandlers(core),
    getAppInfo: () => core.appInfo,
    adminStatus: () => core.admin.status(),
    unlockAdmin: ({ pin }) => core.admin.unlock(pin),
    lockAdmin: () => {
      core.admin.lock()
      return core.admin.status()
    },
    setAdminPin: async ({ pin, currentPin }) => {
      const status = await core.admin.setPin(pin, currentPin)
      core.audit.record({ action: 'admin_pin_set' })
      return status
    },
    getSettings: () => settings.get(),
    updateSettings: (patch) => changeSettings(core, patch, 'settings_screen'),
    enrollDesk: async (request) => {
      const enrolled = await enrollDesk(core, request, 'settings_screen')
      await announceEnrollment(core)
      return enrolled
    },
    enrollmentStatus: () => enrollmentStatus(core),
    acceptNewBackend: async ({ id }) => {
      await acceptNewBackend(core, id)
      return enrollmentStatus(core)
    },
    dismissProvisioning: ({ id }) => {
      dismissProvisioning(core, id)
      return enrollmentStatus(core)
    },
    loadDraft: () => {
      core.session.assertOpen()
      return registrations.loadDraft()
    },
    saveDraft: ({ clientId, form, openedAt }) => registrations.saveDraft(clientId, form, openedAt),
    // Throwing scans away waits for an open screen too: nobody at a covered desk asked for it.
    discardDraft: async ({ clientId }) => {
      core.session.assertOpen()
      await Promise.all(registrations.discardDraft(clientId).map((id) => vault.delete(id)))
      return null
    },
    submitRegistration: async ({ clientId, form }) => {
      const { deskId, eventName } = settings.get()
      const desk = { id: deskId, event: eventName, operator: core.session.operatorForRegistration() }
      const receipt = await registrations.submit(clientId, form, desk, reference.context(core.now()))
      core.audit.record({ action: 'registration_queued', subject: receipt.reference })
      core.sync.kick()
      return receipt
    },
    searchEstablishments: ({ query, department }) =>
      searchEstablishments(reference.establishments, query, { department, limit: 30 }),
    communesFor: ({ postalCode }) => reference.postalCodes.communes(postalCode),
    uaiExceptions: () => reference.uaiExceptions,
    // Every answer below that names a student or a scan waits for an open screen (9.14).
    attachDocument: ({ clientId, kind, path }) => {
      core.session.assertOpen()
      core.grants.assert(path, () => core.scans.list().map((entry) => entry.path))
      return attachFile(core, clientId, kind, path)
    },
    listDocuments: ({ clientId }) => {
      core.session.assertOpen()
      return documents.list(clientId)
    },
    removeDocument: async ({ id }) => {
      core.session.assertOpen()
      if (documents.remove(id)) await vault.delete(id)
      return null
    },
    setDocumentChecked: ({ id, checked }) => {
      documents.setChecked(id, checked)
      return null
    },
    readDocument: async ({ id }) => {
      core.session.assertOpen()
      const found = documents.summary(id)
      const clientId = documents.clientIdOf(id)
      if (!found || !clientId)
        throw new GuichetFailure('not_found', 'This document is no longer on the desk.')
      core.audit.record({
        action: 'document_viewed',
        subject: referenceOf(clientId),
        detail: { document: id },
      })
      const bytes = await vault.read(id)
      const drawn = found.mediaType === 'application/pdf' ? await pdfToDraw(bytes) : bytes
      return { mediaType: found.mediaType, base64: drawn.toString('base64') }
    },
    // Scanner file names can be a student's ("Passeport NGUYEN Linh.pdf").
    listScans: () => {
      core.session.assertOpen()
      return core.scans.list()
    },
    scanThumbnail: ({ path }) => {
      // A picture of a passport: not behind the privacy screen, and only of what the tray lists now.
      core.session.assertOpen()
      core.grants.assertAmong(
        path,
        core.scans.list().map((entry) => entry.path),
      )
      return scanThumbnail(path)
    },
    generateAttestation: ({ clientId, form }) => {
      core.session.assertOpen()
      return generateAttestation(core, clientId, form)
    },
    readPassportMrz: async ({ clientId, id }) => {
      core.session.assertOpen()
      if (!documents.summary(id))
        throw new GuichetFailure('not_found', 'This document is no longer on the desk.')
      return core.passports.read(clientId, await vault.read(id))
    },
  })
}

/**
 * SQLite's I/O errors are a full disk only when the desk's folder has no room (disk-full.ts), which
 * dispatch cannot see: each handler's are judged here, against the folder, sync answers kept sync.
 */
function judgingDiskErrors(folder: string, handlers: Handlers): Handlers {
  const judge = (error: unknown): never => {
    throw knownFailure(error, folder) ?? error
  }
  const judged = Object.entries(handlers).map(([channel, handler]: [string, (request: never) => unknown]) => [
    channel,
    (request: never) => {
      try {
        const answer = handler(request)
        return answer instanceof Promise ? answer.catch(judge) : answer
      } catch (error) {
        return judge(error)
      }
    },
  ])
  return Object.fromEntries(judged) as Handlers
}
