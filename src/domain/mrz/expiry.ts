export type PassportValidity = 'valid' | 'expires_soon' | 'expired'

/** How many months ahead an expiry date is flagged: the registration needs a passport still valid then. */
export const EXPIRY_WARNING_MONTHS = 3

/** Whether a passport that expires on `expiryDate` (YYYY-MM-DD) is expired, or will be within 3 months. */
export function passportValidity(expiryDate: string, today: Date): PassportValidity {
  const day = today.toISOString().slice(0, 10)
  if (expiryDate < day) return 'expired'
  const soon = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + EXPIRY_WARNING_MONTHS, today.getUTCDate()),
  )
  return expiryDate < soon.toISOString().slice(0, 10) ? 'expires_soon' : 'valid'
}
