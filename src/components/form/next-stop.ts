/** Elements Enter may land on: the fields, and a document slot's button while the slot still needs a file. */
const STOPS = 'input, select, textarea, [data-enter-stop]'

const shown = (element: HTMLElement) => element.getClientRects().length > 0
const usable = (element: HTMLElement) => !element.matches(':disabled') && shown(element)

/** A required field with nothing in it yet. */
function emptyRequired(element: HTMLElement): boolean {
  const value = (element as HTMLInputElement | HTMLSelectElement).value
  return element.getAttribute('aria-required') === 'true' && value.trim() === ''
}

function takesEnter(element: HTMLElement): boolean {
  if (!usable(element)) return false
  if (element instanceof HTMLInputElement && element.type === 'checkbox') return true
  if (element.dataset.enterStop !== undefined) return true
  return emptyRequired(element)
}

/**
 * Where Enter goes from `from`: the next field still to fill (a required field left empty, a
 * checkbox to answer, a document slot that needs its file), skipping optional and already filled
 * fields that Tab still visits. Null when nothing is left after it: then Enter sends.
 */
export function nextStop(form: HTMLElement, from: Element): HTMLElement | null {
  const all = [...form.querySelectorAll<HTMLElement>(STOPS)]
  const after = all.slice(all.indexOf(from as HTMLElement) + 1)
  return after.find(takesEnter) ?? null
}

/**
 * The first thing the form still needs, from its top: a required field left empty, else a document
 * slot still without its file. Checkboxes are not counted: unticked is an answer too.
 */
export function firstToFill(form: HTMLElement): HTMLElement | null {
  const all = [...form.querySelectorAll<HTMLElement>(STOPS)].filter(usable)
  return (
    all.find((element) => element.dataset.enterStop === undefined && emptyRequired(element)) ??
    all.find((element) => element.dataset.enterStop !== undefined) ??
    null
  )
}
