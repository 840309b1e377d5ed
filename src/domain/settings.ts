import * as yup from 'yup'

/** Desk settings an admin sets; the desk token is not among them (it lives in the OS keychain). */
export const deskSettingsSchema = yup
  .object({
    deskId: yup
      .string()
      .trim()
      .max(64)
      .matches(/^[a-z0-9][a-z0-9-]*$/i, { message: 'desk_id_format', excludeEmptyString: true })
      .default(''),
    eventName: yup.string().trim().max(120).default(''),
    /** Initials or id of the agent at the desk, sent with each registration. */
    operator: yup.string().trim().max(40).default(''),
    locale: yup.mixed<Locale>().oneOf(['fr', 'en']).default('fr'),
  })
  .noUnknown()

export type DeskSettings = yup.InferType<typeof deskSettingsSchema>

export const locales = ['fr', 'en'] as const
export type Locale = (typeof locales)[number]

export const settingsPatchSchema = deskSettingsSchema.partial().noUnknown().strict(false)
export type SettingsPatch = yup.InferType<typeof settingsPatchSchema>
