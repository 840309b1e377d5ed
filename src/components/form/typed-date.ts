/** A date typed as 8 bare digits (12081999) shown as JJ/MM/AAAA once the field is left; anything else as typed. */
export const showTypedDate = (text: string): string =>
  /^\d{8}$/.test(text.trim()) ? text.trim().replace(/^(\d{2})(\d{2})(\d{4})$/, '$1/$2/$3') : text
