/**
 * The DOM id of a form field from its schema path ("emergencyContacts[1].mobile" -> "f-emergencyContacts-1-mobile"),
 * so that the focus can go to the field a validation error or the core pointed at.
 */
export const fieldId = (path: string): string => `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`

/** The field of `path` on the page, if it is shown. */
export const fieldElement = (path: string): HTMLElement | null => document.getElementById(fieldId(path))
