import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { failureOf } from '../../../electron/core/sync/failure'

describe('what the backend answers is bounded before the desk keeps it', () => {
  it('keeps a code only when it is a short token, else the HTTP status stands for it', () => {
    expect(failureOf(422, { code: 'validation_failed' }, null).problem.code).toBe('validation_failed')
    expect(failureOf(422, { code: 'x'.repeat(1_000_000) }, null).problem.code).toBe('http_422')
    expect(failureOf(422, { code: 'Linh Nguyen, born 17/04/2005, refused' }, null).problem.code).toBe(
      'http_422',
    )
    expect(failureOf(503, { code: { nested: true } }, null).problem.code).toBe('http_503')
  })

  it('keeps at most 50 field complaints, each short', () => {
    const errors = Array.from({ length: 10_000 }, (_, i) => ({
      path: `student.contact.line${i}`,
      code: i % 2 ? 'too_long' : 'a code with spaces',
      message: 'é'.repeat(100_000),
    }))
    const { fields = [] } = failureOf(422, { code: 'validation_failed', errors }, null).problem
    expect(fields).toHaveLength(50)
    for (const field of fields) {
      expect(field.message.length).toBeLessThanOrEqual(500)
      expect(field.code).toMatch(/^(too_long|invalid)$/)
      expect(field.path).toMatch(/^contact\.line\d+$/)
    }
  })

  it('never stores more than a few kilobytes, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 400, max: 599 }), (body, status) => {
        const { problem } = failureOf(status, body, null)
        expect(JSON.stringify(problem).length).toBeLessThan(50 * (200 + 64 + 500 + 64) + 1000)
        expect(problem.code).toMatch(/^[a-z][a-z0-9_.-]{0,63}$/i)
      }),
      { numRuns: 300 },
    )
  })
})
