/**
 * Parsing of HTTP Structured Field Values (RFC 8941), the syntax of `Idempotency-Key` and
 * `Content-Digest`. Only the parsing half: the backend never writes these headers. A malformed
 * field is `null`, because RFC 8941 says the whole field must then be ignored.
 */

export type BareItem =
  | { type: 'string'; value: string }
  | { type: 'token'; value: string }
  | { type: 'bytes'; value: Buffer }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }

export interface Item {
  value: BareItem
  params: Map<string, BareItem>
}

export interface InnerList {
  items: Item[]
  params: Map<string, BareItem>
}

export function parseItem(field: string): Item | null {
  return parseWhole(field, (p) => p.item())
}

export function parseDictionary(field: string): Map<string, Item | InnerList> | null {
  return parseWhole(field, (p) => p.dictionary())
}

class Malformed extends Error {}

function parseWhole<T>(field: string, parse: (p: Parser) => T): T | null {
  const parser = new Parser(field.replace(/^ +| +$/g, ''))
  try {
    const value = parse(parser)
    return parser.atEnd() ? value : null
  } catch (error) {
    if (error instanceof Malformed) return null
    throw error
  }
}

const KEY_START = /[a-z*]/
const KEY_CHAR = /[a-z0-9_\-.*]/
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

class Parser {
  private at = 0

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length
  }

  dictionary(): Map<string, Item | InnerList> {
    const members = new Map<string, Item | InnerList>()
    while (!this.atEnd()) {
      const key = this.key()
      if (this.peek() === '=') {
        this.at++
        members.set(key, this.peek() === '(' ? this.innerList() : this.item())
      } else {
        members.set(key, { value: { type: 'boolean', value: true }, params: this.params() })
      }
      this.skipOptionalWhitespace()
      if (this.atEnd()) break
      this.expect(',')
      this.skipOptionalWhitespace()
      if (this.atEnd()) throw new Malformed('trailing comma')
    }
    return members
  }

  item(): Item {
    return { value: this.bareItem(), params: this.params() }
  }

  private innerList(): InnerList {
    this.expect('(')
    const items: Item[] = []
    for (;;) {
      while (this.peek() === ' ') this.at++
      if (this.peek() === ')') {
        this.at++
        return { items, params: this.params() }
      }
      items.push(this.item())
      const next = this.peek()
      if (next !== ' ' && next !== ')') throw new Malformed('inner list')
    }
  }

  private params(): Map<string, BareItem> {
    const params = new Map<string, BareItem>()
    while (this.peek() === ';') {
      this.at++
      while (this.peek() === ' ') this.at++
      const key = this.key()
      let value: BareItem = { type: 'boolean', value: true }
      if (this.peek() === '=') {
        this.at++
        value = this.bareItem()
      }
      params.set(key, value)
    }
    return params
  }

  private bareItem(): BareItem {
    const c = this.peek()
    if (c === '"') return this.string()
    if (c === ':') return this.bytes()
    if (c === '?') return this.boolean()
    if (c === '-' || /[0-9]/.test(c)) return this.number()
    if (c === '*' || /[A-Za-z]/.test(c)) return this.token()
    throw new Malformed('bare item')
  }

  private string(): BareItem {
    this.expect('"')
    let value = ''
    for (;;) {
      const c = this.take()
      if (c === '"') return { type: 'string', value }
      if (c === '\\') {
        const escaped = this.take()
        if (escaped !== '"' && escaped !== '\\') throw new Malformed('escape')
        value += escaped
      } else {
        const code = c.charCodeAt(0)
        if (code < 0x20 || code > 0x7e) throw new Malformed('string character')
        value += c
      }
    }
  }

  private bytes(): BareItem {
    this.expect(':')
    const end = this.text.indexOf(':', this.at)
    if (end < 0) throw new Malformed('byte sequence')
    const encoded = this.text.slice(this.at, end)
    if (!BASE64.test(encoded)) throw new Malformed('base64')
    this.at = end + 1
    return { type: 'bytes', value: Buffer.from(encoded, 'base64') }
  }

  private boolean(): BareItem {
    this.expect('?')
    const c = this.take()
    if (c !== '0' && c !== '1') throw new Malformed('boolean')
    return { type: 'boolean', value: c === '1' }
  }

  private number(): BareItem {
    const match = /^-?(\d{1,15})(\.\d{1,3})?/.exec(this.text.slice(this.at))
    if (!match || (match[2] && (match[1] ?? '').length > 12)) throw new Malformed('number')
    this.at += match[0].length
    return { type: 'number', value: Number(match[0]) }
  }

  private token(): BareItem {
    const start = this.at++
    while (!this.atEnd() && TOKEN_CHAR.test(this.peek())) this.at++
    return { type: 'token', value: this.text.slice(start, this.at) }
  }

  private key(): string {
    if (!KEY_START.test(this.peek())) throw new Malformed('key')
    const start = this.at++
    while (!this.atEnd() && KEY_CHAR.test(this.peek())) this.at++
    return this.text.slice(start, this.at)
  }

  private skipOptionalWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++
  }

  private expect(c: string): void {
    if (this.take() !== c) throw new Malformed(`expected ${c}`)
  }

  private take(): string {
    if (this.atEnd()) throw new Malformed('unexpected end')
    return this.text[this.at++] ?? ''
  }

  private peek(): string {
    return this.text[this.at] ?? ''
  }
}
