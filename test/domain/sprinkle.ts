/** `text` with each character of `inserts` put in at its position (taken modulo the length so far), as a paste scatters them. */
export function sprinkle(text: string, inserts: readonly (readonly [number, string])[]): string {
  let result = text
  for (const [at, char] of inserts) {
    const i = at % (result.length + 1)
    result = result.slice(0, i) + char + result.slice(i)
  }
  return result
}
