import * as yup from 'yup'
import { checkFreeText, cleanText } from './registration/text'
import { backendBase, isAllowedBackendUrl } from './sync/backend-url'

/** Long enough for a service, a building, a phone and an address; short enough for one printed line. */
export const DESK_CONTACT_MAX_LENGTH = 160

/** Each setting's rule, shared by the settings, a patch of them and the provisioning file. */
export const settingFields = {
  deskId: yup
    .string()
    .trim()
    .max(64, 'too_long')
    .matches(/^[a-z0-9][a-z0-9-]*$/i, { message: 'desk_id_format', excludeEmptyString: true })
    .default(''),
  eventName: yup.string().trim().max(120, 'too_long').default(''),
  /**
   * How a student reaches the desk afterwards, printed on the receipt: the service's public phone,
   * address or mailbox, not a student's data. Plain text on one line: no markup, no control
   * characters; '' prints no contact at all.
   */
  deskContact: yup
    .string()
    .transform((value: string) => cleanText(value))
    .test('free-text', (value, test) => {
      const checked = checkFreeText(value ?? '', DESK_CONTACT_MAX_LENGTH)
      return checked.ok || checked.code === 'required' || test.createError({ message: checked.code })
    })
    .default(''),
  locale: yup.mixed<Locale>().oneOf(['fr', 'en']).default('fr'),
  /** The folder the desk's scanner saves into, watched for new scans; empty: no tray. */
  scannerFolder: yup.string().trim().max(4096, 'too_long').default(''),
  /** The registration backend: https, or http to this machine only; '' until an admin sets it. */
  backendUrl: yup
    .string()
    .trim()
    .max(2048, 'too_long')
    .transform((value: string) => backendBase(value))
    .test('backend-url', 'backend_url_format', (value) => !value || isAllowedBackendUrl(value))
    .default(''),
  /** Days a sent registration's personal data stays on the desk; then only its receipt is left. */
  retentionDays: yup
    .number()
    .typeError('retention_days_range')
    .integer('retention_days_range')
    .min(0, 'retention_days_range')
    .max(3650, 'retention_days_range')
    .default(30),
  /** Minutes without a key or a click before the privacy screen covers the desk. */
  idleLockMinutes: yup
    .number()
    .typeError('idle_minutes_range')
    .integer('idle_minutes_range')
    .min(1, 'idle_minutes_range')
    .max(60, 'idle_minutes_range')
    .default(3),
}

/** Desk settings an admin sets; the desk token is not among them (it lives in the OS keychain). */
export const deskSettingsSchema = yup.object(settingFields).noUnknown()

export type DeskSettings = yup.InferType<typeof deskSettingsSchema>

export const locales = ['fr', 'en'] as const
export type Locale = (typeof locales)[number]

/** Only the keys given: a key left out keeps its value rather than going back to its default. */
const withoutDefaults = <S extends yup.ObjectShape>(shape: S): S =>
  Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, (field as yup.Schema).default(undefined)]),
  ) as S

export const settingsPatchSchema = yup
  .object(withoutDefaults(settingFields))
  .partial()
  .noUnknown()
  .strict(false)
export type SettingsPatch = yup.InferType<typeof settingsPatchSchema>
