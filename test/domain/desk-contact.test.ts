import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkProvisioningFile } from '../../src/domain/enrollment/provisioning'
import { DESK_CONTACT_MAX_LENGTH, deskSettingsSchema, settingsPatchSchema } from '../../src/domain/settings'
import { fieldErrorsOf } from '../../src/domain/field-errors'

const CONTACT = 'Accueil international – Bâtiment A – 01 23 45 67 89 – accueil-international@univ-exemple.fr'

/** The code the settings schema answers for a contact, or null when it takes it. */
function problem(deskContact: string): string | null {
  try {
    settingsPatchSchema.validateSync({ deskContact }, { abortEarly: false })
    return null
  } catch (error) {
    return fieldErrorsOf(error)[0]?.code ?? 'thrown'
  }
}

describe('the desk contact setting', () => {
  it('is empty until an admin sets it, and keeps a typical contact as typed', () => {
    expect(deskSettingsSchema.validateSync({}).deskContact).toBe('')
    expect(deskSettingsSchema.validateSync({ deskContact: CONTACT }).deskContact).toBe(CONTACT)
  })

  it('trims it and folds line breaks and runs of spaces into one space', () => {
    expect(
      settingsPatchSchema.validateSync({ deskContact: '  Accueil   – Bât. A\r\n01 23 45 67 89 ' })
        .deskContact,
    ).toBe('Accueil – Bât. A 01 23 45 67 89')
  })

  it('counts characters as people do: 160 accented letters or emoji pass, 161 do not', () => {
    expect(problem('é'.repeat(DESK_CONTACT_MAX_LENGTH))).toBeNull()
    expect(problem('☎️'.repeat(DESK_CONTACT_MAX_LENGTH / 2))).toBeNull()
    expect(problem('é'.repeat(DESK_CONTACT_MAX_LENGTH + 1))).toBe('too_long')
    expect(problem('x'.repeat(100_000))).toBe('too_long')
  })

  it.each([
    ['a bell', 'Accueil\u0007 A'],
    ['an escape sequence', 'Accueil \u001b[31mA'],
    ['a NUL', 'Accueil\u0000'],
    ['a right-to-left override', 'Accueil \u202eA tnemitâB'],
    ['a C1 control', 'Accueil\u0085A'],
  ])('refuses %s', (_, deskContact) => {
    expect(problem(deskContact)).toBe('control_chars')
  })

  it('refuses markup', () => {
    expect(problem('<b>Accueil</b>')).toBe('markup')
    expect(problem('Accueil <accueil@univ-exemple.fr>')).toBe('markup')
  })

  it('never keeps a value with a control character, a < or a >, or over 160 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (typed) => {
        let kept: string
        try {
          kept = settingsPatchSchema.validateSync({ deskContact: typed }).deskContact ?? ''
        } catch {
          return
        }
        expect(kept).not.toMatch(/[\p{Cc}<>\u202A-\u202E\u2066-\u2069]/u)
        expect([...kept].length).toBeLessThanOrEqual(DESK_CONTACT_MAX_LENGTH)
      }),
    )
  })
})

describe('the desk contact in desk.json', () => {
  const file = { backendUrl: 'https://inscriptions.example.fr', enrollmentCode: 'ABCD-2345-EFGH' }

  it('is taken from the provisioning file', () => {
    expect(checkProvisioningFile({ ...file, deskContact: CONTACT })).toEqual({
      ok: true,
      value: expect.objectContaining({ deskContact: CONTACT }),
    })
  })

  it('is checked there by the same rule, naming the field', () => {
    expect(checkProvisioningFile({ ...file, deskContact: '<script>alert(1)</script>' })).toEqual({
      ok: false,
      fields: [expect.objectContaining({ path: 'deskContact', code: 'markup' })],
    })
  })
})
