import { checks } from './check-digit'
import { asDigits, lookAlike } from './look-alikes'

/** Every reading of `char` that OCR could have confused it with, itself first. */
function readings(char: string): string[] {
  const other = lookAlike(char)
  const back = other === undefined ? undefined : lookAlike(other)
  return [...new Set([char, other, back].filter((c): c is string => c !== undefined))]
}

const MAX_CANDIDATES = 4096

/**
 * The values a field holding letters and digits (document number, personal number) may have been,
 * given its check digit: the value as read when it checks; else those one look-alike away that check,
 * else two away. Empty when none (or too many to try) check: the field is then unreadable.
 *
 * G/6 and L/1 differ by 10 and 20 in value, which no weight changes modulo 10: such a swap passes its
 * check digit either way, so they are not tried, and a value that checks as read is taken as read.
 */
export function alphanumericCandidates(value: string, digit: string): string[] {
  const check = asDigits(digit)
  if (check === null) return []
  if (checks(value, check)) return [value]
  const options = [...value].map(readings)
  const ambiguous = options.flatMap((choices, i) => (choices.length > 1 ? [i] : []))
  for (let changes = 1; changes <= 2; changes++) {
    const found = new Set<string>()
    let tried = 0
    for (const positions of combinations(ambiguous, changes)) {
      for (const text of substitutions(value, positions, options)) {
        if (++tried > MAX_CANDIDATES) return []
        if (checks(text, check)) found.add(text)
      }
    }
    if (found.size > 0) return [...found]
  }
  return []
}

function* combinations(items: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield []
    return
  }
  for (let i = from; i <= items.length - size; i++)
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i] ?? 0, ...rest]
}

function* substitutions(
  value: string,
  positions: readonly number[],
  options: readonly string[][],
): Generator<string> {
  if (positions.length === 0) {
    yield value
    return
  }
  const [first = 0, ...rest] = positions
  for (const other of (options[first] ?? []).slice(1))
    yield* substitutions(value.slice(0, first) + other + value.slice(first + 1), rest, options)
}
