import { i18n } from './i18n'

const KIB = 1024
const MIB = 1024 * 1024

/**
 * A size as the desk shows it everywhere (a document's card, the upload under way): binary units, as
 * the 10 Mio limit is counted, written as each language writes them (Kio/Mio, KiB/MiB), the number in
 * that language's own format. Read from the global i18n, so a template using it follows FR/EN.
 */
export function byteSize(bytes: number): string {
  const { t, n } = i18n.global
  const number = (value: number, digits: number) => n(value, { maximumFractionDigits: digits })
  if (bytes >= MIB) return t('app.size.mib', { n: number(bytes / MIB, 1) })
  // A file of a few bytes is not "0 Kio"; nothing at all is.
  const kib = bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KIB))
  return kib >= KIB ? t('app.size.mib', { n: number(1, 1) }) : t('app.size.kib', { n: number(kib, 0) })
}
