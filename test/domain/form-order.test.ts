import { toTypedSchema } from '@vee-validate/yup'
import { describe, expect, it } from 'vitest'
import { emptyRegistrationForm } from '../../src/domain/registration/empty-form'
import { firstErrorPath, formFieldPaths } from '../../src/domain/registration/form-order'
import { registrationFormSchema } from '../../src/domain/registration/schema'

describe('form order', () => {
  it('lists the fields as the form shows them, emergency contacts last', () => {
    const paths = formFieldPaths(1)
    expect(paths.slice(0, 8)).toEqual([
      'civility',
      'lastName',
      'firstName',
      'secondFirstName',
      'thirdFirstName',
      'birthDate',
      'email',
      'emailConfirmation',
    ])
    expect(paths.indexOf('establishment.uai')).toBeLessThan(paths.indexOf('contact.mobile'))
    expect(paths.at(-1)).toBe('emergencyContacts[0].country')
    expect(formFieldPaths(2)).toContain('emergencyContacts[1].mobile')
  })

  it('points at the highest error of the form', () => {
    expect(firstErrorPath(['contact.city', 'emergencyContacts[0].lastName', 'birthDate', 'ine'])).toBe(
      'birthDate',
    )
    expect(firstErrorPath(['emergencyContacts[1].mobile', 'emergencyContacts[0].firstName'])).toBe(
      'emergencyContacts[0].firstName',
    )
    expect(firstErrorPath([])).toBeUndefined()
  })

  it('works with the errors vee-validate gets from the schema', async () => {
    const typed = toTypedSchema(registrationFormSchema)
    const { errors } = await typed.parse(emptyRegistrationForm())
    const paths = errors.map((error) => error.path ?? '')
    expect(firstErrorPath(paths)).toBe('civility')
    expect(errors.find((error) => error.path === 'contact.mobile')?.errors).toEqual(['required'])
  })
})
