const pad = (n: number) => String(n).padStart(2, '0')

/** The ISO date of `year`-`month`-`day`, or null when that day does not exist. */
function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return `${year}-${pad(month)}-${pad(day)}`
}

const parts = (yymmdd: string): [number, number, number] | null =>
  /^\d{6}$/.test(yymmdd)
    ? [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))]
    : null

/**
 * A birth date YYMMDD has no century: it is the latest century that puts the date on or before
 * today, so a 2008 birth is not read as 1908 nor a 1974 birth as 2074.
 */
export function birthDateFromMrz(yymmdd: string, today: Date): string | null {
  const ymd = parts(yymmdd)
  if (!ymd) return null
  const [yy, month, day] = ymd
  const thisYear = today.getUTCFullYear()
  let year = Math.floor(thisYear / 100) * 100 + yy
  const todayIso = today.toISOString().slice(0, 10)
  const iso = isoDate(year, month, day)
  if (iso && iso > todayIso) year -= 100
  return isoDate(year, month, day)
}

/** An expiry date YYMMDD: passports issued now expire in this century. */
export function expiryDateFromMrz(yymmdd: string): string | null {
  const ymd = parts(yymmdd)
  return ymd ? isoDate(2000 + ymd[0], ymd[1], ymd[2]) : null
}

/** The YYMMDD of an ISO date, as the MRZ writes it. */
export const mrzDate = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
