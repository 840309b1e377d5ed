/**
 * What a validation may be given beyond the values (yup's `context` option). The renderer passes it to
 * toTypedSchema(schema, { abortEarly: false, context }) once the lists are loaded; the core, which holds
 * the lists, always passes it.
 */
export interface RegistrationContext {
  /** The capture day, for the student's age. Default: today. */
  now?: Date
  /** The establishments list: a UAI picked from it is accepted even if its key letter is wrong (18 rows are). */
  uaiExists?: (uai: string) => boolean
  /** The département the establishments list gives a UAI ('' or undefined when it gives none). */
  departmentOf?: (uai: string) => string | undefined
}
