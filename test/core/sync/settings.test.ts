import { describe, expect, it } from 'vitest'
import { deskSettingsSchema, settingsPatchSchema } from '../../../src/domain/settings'

const valid = (backendUrl: string) => deskSettingsSchema.isValidSync({ backendUrl })

describe('the backend address setting', () => {
  it('takes https anywhere and plain http to this machine only', () => {
    expect(valid('https://inscriptions.example.fr/api')).toBe(true)
    expect(valid('http://127.0.0.1:8787')).toBe(true)
    expect(valid('http://localhost:8787')).toBe(true)
    expect(valid('http://[::1]:8787')).toBe(true)
    expect(valid('http://192.168.1.10:8787')).toBe(false)
    expect(valid('http://backend.example.fr')).toBe(false)
    expect(valid('ftp://127.0.0.1')).toBe(false)
    expect(valid('https://user:secret@example.fr')).toBe(false)
    expect(valid('')).toBe(true)
  })

  it('drops a trailing slash and keeps 30 days of personal data by default', () => {
    expect(deskSettingsSchema.validateSync({ backendUrl: 'https://a.example/v/ ' })).toMatchObject({
      backendUrl: 'https://a.example/v',
      retentionDays: 30,
    })
  })
})

describe('a settings patch', () => {
  it('changes only what it names: the others keep their values, not their defaults', () => {
    expect(
      settingsPatchSchema.validateSync({ backendUrl: 'https://a.example/' }, { stripUnknown: true }),
    ).toEqual({
      backendUrl: 'https://a.example',
    })
  })
})
