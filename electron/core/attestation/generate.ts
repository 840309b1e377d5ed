import type { Core } from '../core'
import { attestationText } from './content'
import { attestationFacts } from './facts'
import { attestationPdf } from './pdf'

/**
 * The sworn statement for the registration `clientId`, from the form as typed or, when none is given,
 * the draft the core saved. Nothing is stored: the agent prints it, the student signs it, and its scan
 * comes back through the enrollment slot like any other document.
 */
export async function generateAttestation(
  core: Pick<Core, 'registrations' | 'reference' | 'now'> & Partial<Pick<Core, 'passports'>>,
  clientId: string,
  form?: unknown,
): Promise<{ fileName: string; base64: string }> {
  const draft = core.registrations.loadDraft()
  const now = core.now()
  const typed = form ?? (draft?.clientId === clientId ? draft.form : {})
  // The passport number and expiry the MRZ of the passport scan gave, unless the form holds its own.
  const facts = attestationFacts(
    { ...core.passports?.factsFor(clientId), ...typed },
    core.reference.establishments,
    now,
  )
  const bytes = await attestationPdf(attestationText(facts), now)
  return { fileName: 'attestation-sur-l-honneur.pdf', base64: Buffer.from(bytes).toString('base64') }
}
