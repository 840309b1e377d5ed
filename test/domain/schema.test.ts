import { describe, expect, it } from 'vitest'
import { ValidationError } from 'yup'
import { emptyEmergencyContact, emptyRegistrationForm } from '../../src/domain/registration/empty-form'
import type { RegistrationContext } from '../../src/domain/registration/context'
import { registrationFormSchema, studentSchema, toStudent } from '../../src/domain/registration/schema'

const context: RegistrationContext = { now: new Date(2026, 8, 2) }

/** A form as the operator fills it: national phone numbers, French dates, mixed case. */
const filledForm = () => ({
  civility: 'MME',
  lastName: '  Nguyễn ',
  firstName: 'Thị  Lan',
  secondFirstName: '',
  thirdFirstName: '',
  birthDate: '12081999',
  email: 'Lan.Nguyen@Example.com ',
  emailConfirmation: 'lan.nguyen@example.COM',
  ine: '1234567890v',
  noIne: false,
  familySituation: 'CELIBATAIRE',
  nationality: 'vn',
  establishment: {
    notEnrolledYet: false,
    abroad: false,
    department: '75',
    uai: '0753639Y',
    name: '',
    country: null,
  },
  contact: {
    landline: '',
    mobile: '06 12 34 56 78',
    address: '12 rue de la Paix',
    postalCode: '75002',
    city: 'Paris',
    country: 'FR',
  },
  emergencyContacts: [] as Record<string, unknown>[],
})

const expectedStudent = {
  civility: 'MME',
  lastName: 'Nguyễn',
  firstName: 'Thị Lan',
  secondFirstName: null,
  thirdFirstName: null,
  birthDate: '1999-08-12',
  email: 'lan.nguyen@example.com',
  ine: '1234567890V',
  noIne: false,
  familySituation: 'CELIBATAIRE',
  nationality: 'VN',
  establishment: {
    notEnrolledYet: false,
    abroad: false,
    department: '75',
    uai: '0753639Y',
    name: null,
    country: null,
  },
  contact: {
    landline: null,
    mobile: '+33612345678',
    address: '12 rue de la Paix',
    postalCode: '75002',
    city: 'Paris',
    country: 'FR',
  },
  emergencyContacts: [],
}

/** The codes found per path, {} when the values are valid. */
async function errorsOf(values: unknown, schema = registrationFormSchema, ctx = context) {
  try {
    await schema.validate(values, { abortEarly: false, context: ctx })
    return {}
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const found: Record<string, string[]> = {}
    for (const inner of error.inner.length ? error.inner : [error]) {
      ;(found[inner.path ?? ''] ??= []).push(inner.message)
    }
    return found
  }
}

const withChanges = (change: (form: ReturnType<typeof filledForm>) => void) => {
  const form = filledForm()
  change(form)
  return form
}

describe('registration form schema', () => {
  it('turns a filled form into the contract student: trimmed, E.164, ISO date, lower-cased e-mail', async () => {
    const form = await registrationFormSchema.validate(filledForm(), { context })
    expect(form.emailConfirmation).toBe('lan.nguyen@example.com')
    expect(toStudent(form)).toEqual(expectedStudent)
  })

  it('validates the stored student again to the very same object (the core re-checks what it sends)', async () => {
    const student = toStudent(await registrationFormSchema.validate(filledForm(), { context }))
    expect(await studentSchema.validate(student, { context })).toEqual(expectedStudent)
    // Keys that are not in the contract are dropped, not sent.
    expect(
      await studentSchema.validate(
        { ...student, emailConfirmation: student.email, admin: true },
        { context },
      ),
    ).toEqual(expectedStudent)
  })

  it.each([
    ['civility', (f) => (f.civility = '')],
    ['lastName', (f) => (f.lastName = '  ')],
    ['firstName', (f) => (f.firstName = '')],
    ['birthDate', (f) => (f.birthDate = '')],
    ['email', (f) => ((f.email = ''), (f.emailConfirmation = ''))],
    ['ine', (f) => (f.ine = '')],
    ['familySituation', (f) => (f.familySituation = '')],
    ['nationality', (f) => (f.nationality = '')],
    ['establishment.department', (f) => (f.establishment.department = null as never)],
    ['establishment.uai', (f) => (f.establishment.uai = '')],
    ['contact.mobile', (f) => (f.contact.mobile = '')],
    ['contact.address', (f) => (f.contact.address = '')],
    ['contact.postalCode', (f) => (f.contact.postalCode = '')],
    ['contact.city', (f) => (f.contact.city = '')],
    ['contact.country', (f) => (f.contact.country = '')],
  ] as [string, (form: ReturnType<typeof filledForm>) => void][])('requires %s', async (path, change) => {
    const errors = await errorsOf(withChanges(change))
    expect(errors[path]).toContain('required')
    expect(Object.keys(errors).filter((key) => key !== 'emailConfirmation')).toEqual([path])
  })

  it('reports every required field of an empty form', async () => {
    const errors = await errorsOf(emptyRegistrationForm())
    expect(Object.keys(errors).sort()).toEqual(
      [
        'civility',
        'lastName',
        'firstName',
        'birthDate',
        'email',
        'emailConfirmation',
        'ine',
        'familySituation',
        'nationality',
        'establishment.department',
        'establishment.uai',
        'contact.mobile',
        'contact.address',
        'contact.postalCode',
        'contact.city',
      ].sort(),
    )
    expect(
      Object.values(errors)
        .flat()
        .every((code) => code === 'required'),
    ).toBe(true)
  })

  it('stores no INE when the student has none, whatever was typed', async () => {
    const form = withChanges((f) => ((f.noIne = true), (f.ine = 'garbage')))
    expect(await errorsOf(form)).toEqual({})
    expect((await registrationFormSchema.validate(form, { context })).ine).toBeNull()
  })

  it.each([
    ['1234567890A', 'ine_key'],
    ['12345', 'ine_format'],
    ['1111111111A', 'ine_identical_digits'],
  ])('refuses the INE %j with %s', async (ine, code) => {
    expect(await errorsOf(withChanges((f) => (f.ine = ine)))).toEqual({ ine: [code] })
  })

  it('accepts an RNIE whose key cannot be verified (the UI warns through checkIne)', async () => {
    expect(await errorsOf(withChanges((f) => (f.ine = '123456789AA')))).toEqual({})
  })

  it('wants the same e-mail twice, whatever the case', async () => {
    expect(await errorsOf(withChanges((f) => (f.emailConfirmation = 'lan.nguyen@exemple.com')))).toEqual({
      emailConfirmation: ['email_mismatch'],
    })
    expect(await errorsOf(withChanges((f) => (f.emailConfirmation = ' LAN.NGUYEN@EXAMPLE.COM')))).toEqual({})
    expect(await errorsOf(withChanges((f) => ((f.email = 'lan@'), (f.emailConfirmation = 'lan@'))))).toEqual({
      email: ['email_invalid'],
      emailConfirmation: ['email_invalid'],
    })
  })

  it('checks the age on the capture day it is given', async () => {
    const tooYoung = withChanges((f) => (f.birthDate = '02/09/2016'))
    expect(await errorsOf(tooYoung)).toEqual({ birthDate: ['age_implausible'] })
    expect(await errorsOf(withChanges((f) => (f.birthDate = '31/02/2000')))).toEqual({
      birthDate: ['date_invalid'],
    })
  })

  describe('establishment', () => {
    it('takes a free name when the establishment is not in the list', async () => {
      const form = withChanges((f) => ((f.establishment.uai = ''), (f.establishment.name = 'Institut X')))
      expect(await errorsOf(form)).toEqual({})
      const { establishment } = await registrationFormSchema.validate(form, { context })
      expect(establishment).toEqual({ ...expectedStudent.establishment, uai: null, name: 'Institut X' })
    })

    it('refuses an establishment from the list under another département than its own', async () => {
      const lists = {
        ...context,
        departmentOf: (uai: string) => ({ '0692437Z': '69', '0753639Y': '75' })[uai],
      }
      // Lyon 3 picked, then the département changed to Paris: 75 and a Lyon UAI would be sent.
      const moved = withChanges((f) => (f.establishment.uai = '0692437Z'))
      expect(await errorsOf(moved, registrationFormSchema, lists)).toEqual({
        'establishment.uai': ['uai_department'],
      })
      expect(
        await errorsOf(
          withChanges((f) => ((f.establishment.uai = '0692437Z'), (f.establishment.department = '69'))),
          registrationFormSchema,
          lists,
        ),
      ).toEqual({})
      expect(await errorsOf(filledForm(), registrationFormSchema, lists)).toEqual({})
    })

    it('refuses a UAI with a wrong key, unless it comes from the list', async () => {
      const form = withChanges((f) => (f.establishment.uai = '0315550I'))
      expect(await errorsOf(form)).toEqual({ 'establishment.uai': ['uai_key'] })
      expect(
        await errorsOf(form, registrationFormSchema, { ...context, uaiExists: (uai) => uai === '0315550I' }),
      ).toEqual({})
    })

    it('needs a name and a country abroad, and drops the French details', async () => {
      const abroad = withChanges((f) => (f.establishment.abroad = true))
      expect(await errorsOf(abroad)).toEqual({
        'establishment.name': ['required'],
        'establishment.country': ['required'],
      })
      abroad.establishment.name = 'Université de Hanoï'
      abroad.establishment.country = 'vn' as never
      const { establishment } = await registrationFormSchema.validate(abroad, { context })
      expect(establishment).toEqual({
        notEnrolledYet: false,
        abroad: true,
        department: null,
        uai: null,
        name: 'Université de Hanoï',
        country: 'VN',
      })
      abroad.establishment.country = 'FR' as never
      expect(await errorsOf(abroad)).toEqual({ 'establishment.country': ['invalid_choice'] })
    })

    it('asks nothing of a student not enrolled yet, and stores nothing', async () => {
      const form = withChanges(
        (f) => (f.establishment = { ...f.establishment, notEnrolledYet: true, uai: 'junk' }),
      )
      expect((await registrationFormSchema.validate(form, { context })).establishment).toEqual({
        notEnrolledYet: true,
        abroad: false,
        department: null,
        uai: null,
        name: null,
        country: null,
      })
    })
  })

  describe('contact', () => {
    it('reads phone numbers with the rules of the contact country, overseas regions included', async () => {
      const form = withChanges((f) => {
        f.contact = {
          ...f.contact,
          country: 'RE',
          mobile: '0692 12 34 56',
          landline: '0262 21 23 45',
          postalCode: '97400',
        }
      })
      const { contact } = await registrationFormSchema.validate(form, { context })
      expect(contact).toMatchObject({ mobile: '+262692123456', landline: '+262262212345' })
    })

    it('refuses a landline as the mobile, and a mobile as the landline', async () => {
      const form = withChanges(
        (f) => ((f.contact.mobile = '01 23 45 67 89'), (f.contact.landline = '07 81 23 45 67')),
      )
      expect(await errorsOf(form)).toEqual({
        'contact.mobile': ['phone_not_mobile'],
        'contact.landline': ['phone_not_landline'],
      })
    })

    it('refuses a number that is not one in the contact country', async () => {
      expect(await errorsOf(withChanges((f) => (f.contact.mobile = '06 12 34')))).toEqual({
        'contact.mobile': ['phone_invalid'],
      })
    })

    it('refuses a French postal code of no département and accepts one the communes list lacks', async () => {
      // 75099 is well formed (Paris) but in no list: the form and the core take it alike.
      expect(await errorsOf(withChanges((f) => (f.contact.postalCode = '75099')))).toEqual({})
      for (const code of ['99999', '00000', '96100'])
        expect(await errorsOf(withChanges((f) => (f.contact.postalCode = code)))).toEqual({
          'contact.postalCode': ['postal_code_department'],
        })
      const abroad = withChanges(
        (f) => (
          (f.contact.country = 'GB'),
          (f.contact.postalCode = 'sw1a 1aa'),
          (f.contact.mobile = '+44 7400 123456')
        ),
      )
      expect((await registrationFormSchema.validate(abroad, { context })).contact.postalCode).toBe('SW1A 1AA')
      expect(
        await errorsOf(
          withChanges(
            (f) => (
              (f.contact.country = 'DE'),
              (f.contact.postalCode = '99999'),
              (f.contact.mobile = '+49 151 23456789')
            ),
          ),
        ),
      ).toEqual({})
    })
  })

  describe('emergency contacts', () => {
    const contact = (fields: Record<string, unknown>) => ({ ...emptyEmergencyContact(), ...fields })

    it('are optional: blank blocks pass and are not sent', async () => {
      const form = withChanges((f) => (f.emergencyContacts = [contact({}), contact({ country: 'FR' })]))
      expect(await errorsOf(form)).toEqual({})
      expect(toStudent(await registrationFormSchema.validate(form, { context })).emergencyContacts).toEqual(
        [],
      )
      expect(
        (await studentSchema.validate(toStudent(await registrationFormSchema.validate(form, { context }))))
          .emergencyContacts,
      ).toEqual([])
    })

    it('once started, need a last name, a first name and one way to reach them', async () => {
      const form = withChanges((f) => (f.emergencyContacts = [contact({}), contact({ city: 'Hanoï' })]))
      expect(await errorsOf(form)).toEqual({
        'emergencyContacts[1].lastName': ['required'],
        'emergencyContacts[1].firstName': ['required'],
        'emergencyContacts[1].mobile': ['emergency_contact_reach'],
      })
    })

    it.each([
      [{ mobile: '+84 91 234 56 78' }, { mobile: '+84912345678' }],
      [{ landline: '01 23 45 67 89' }, { landline: '+33123456789' }], // read with the student's country
      [{ email: 'Mai@Example.com' }, { email: 'mai@example.com' }],
      [
        { mobile: '0912345678', country: 'VN' },
        { mobile: '+84912345678', country: 'VN' },
      ],
    ])('are complete with %j', async (reach, stored) => {
      const form = withChanges(
        (f) => (f.emergencyContacts = [contact({ lastName: 'Nguyen', firstName: 'Mai', ...reach })]),
      )
      expect(await errorsOf(form)).toEqual({})
      const [saved] = toStudent(await registrationFormSchema.validate(form, { context })).emergencyContacts
      expect(saved).toMatchObject({ lastName: 'Nguyen', firstName: 'Mai', ...stored })
    })

    it('are two at most', async () => {
      const one = contact({ lastName: 'Nguyen', firstName: 'Mai', email: 'mai@example.com' })
      expect(await errorsOf(withChanges((f) => (f.emergencyContacts = [one, one, one])))).toEqual({
        emergencyContacts: ['too_many'],
      })
    })
  })

  describe('hostile input', () => {
    it.each([
      { what: 'markup', lastName: '<script>alert(1)</script>', code: 'markup' },
      { what: '10,000 characters', lastName: 'x'.repeat(10_000), code: 'too_long' },
      { what: 'a NUL character', lastName: 'Lan\u0000', code: 'control_chars' },
      { what: 'a digit', lastName: 'Lan 2', code: 'name_chars' },
    ])('refuses a last name with $what', async ({ lastName, code }) => {
      expect(await errorsOf(withChanges((f) => (f.lastName = lastName)))).toEqual({ lastName: [code] })
    })

    it('refuses markup and huge pastes in free texts', async () => {
      const form = withChanges(
        (f) => ((f.contact.address = '<img src=x onerror=alert(1)>'), (f.contact.city = 'P'.repeat(10_000))),
      )
      expect(await errorsOf(form)).toEqual({ 'contact.address': ['markup'], 'contact.city': ['too_long'] })
    })

    it.each([null, 'student', 42, [], { contact: 5, establishment: 'x', emergencyContacts: 'x' }])(
      'answers codes, never crashes, for %j',
      async (values) => {
        const errors = await errorsOf(values)
        expect(Object.keys(errors).length).toBeGreaterThan(0)
        expect(
          Object.values(errors)
            .flat()
            .every((code) => /^[a-z_]+$/.test(code)),
        ).toBe(true)
      },
    )

    it('says invalid_type for values of the wrong type', async () => {
      const form = { ...filledForm(), lastName: { first: 'x' }, contact: 5, establishment: null }
      expect(await errorsOf(form)).toEqual({
        lastName: ['invalid_type'],
        contact: ['invalid_type'],
        establishment: ['invalid_type'],
      })
      expect(await errorsOf('student')).toEqual({ '': ['invalid_type'] })
      expect(await errorsOf(withChanges((f) => (f.emergencyContacts = [null as never])))).toEqual({
        'emergencyContacts[0]': ['invalid_type'],
      })
    })
  })
})
