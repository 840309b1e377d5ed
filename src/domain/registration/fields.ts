import * as yup from 'yup'
import type { Check } from './check'
import type { ValidationCode } from './codes'
import type { RegistrationContext } from './context'
import { checkFreeText } from './text'

export type Rule = (value: string, test: yup.TestContext) => Check<unknown>

/** Blank and absent are the same for an optional field: it is stored as null. */
const blankToNull = (value: unknown): unknown =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value

const refusal = (test: yup.TestContext, code: ValidationCode) => test.createError({ message: code })

export const contextOf = (test: yup.TestContext): RegistrationContext =>
  (test.options.context ?? {}) as RegistrationContext

/**
 * A text field checked by a rule: its transform stores what the rule normalised (trimmed, upper-cased,
 * ISO...), its test answers the rule's code. Null and blank are left to `required` / `requiredWhen`.
 */
export function ruledString(rule: Rule, normalise: (value: string) => string = (value) => value) {
  return yup
    .string()
    .typeError('invalid_type')
    .transform(blankToNull)
    .transform((value: unknown) => (typeof value === 'string' ? normalise(value) : value))
    .nullable()
    .defined()
    .default(null)
    .test('rule', 'invalid', function (value) {
      if (value === null) return true
      const checked = rule(value, this)
      return checked.ok || refusal(this, checked.code)
    })
}

/** Keeps the rule's normalised value when the rule accepts it, the input otherwise (so the test can say why). */
export const normalisedBy =
  (check: (value: string) => Check<unknown>) =>
  (value: string): string => {
    const checked = check(value)
    return checked.ok && typeof checked.value === 'string' ? checked.value : value
  }

export const freeText = (max: number) => {
  const check = (value: string) => checkFreeText(value, max)
  return ruledString(check, normalisedBy(check))
}

/** A choice among codes (a select), null until chosen. */
export function choice<C extends string>(isValid: (code: string) => boolean) {
  return yup
    .string<C>()
    .typeError('invalid_type')
    .transform(blankToNull)
    .nullable()
    .defined()
    .default(null)
    .test('choice', 'invalid_choice', (value) => value === null || isValid(value))
}

export const flag = () => yup.boolean().typeError('invalid_type').defined().default(false)

/** Null is refused with 'required' when the condition holds for the sibling values. */
export const requiredWhen = (
  condition: (parent: Record<string, unknown>, test: yup.TestContext) => boolean,
) =>
  function (this: yup.TestContext, value: unknown) {
    return (
      value !== null ||
      !condition((this.parent ?? {}) as Record<string, unknown>, this) ||
      refusal(this, 'required')
    )
  }

/**
 * A group of fields. Keys not in the shape are dropped (yup's noUnknown strips them when casting);
 * a value that is no object is refused with a code, not yup's English sentence.
 */
export const group = <S extends yup.ObjectShape>(shape: S) =>
  yup.object(shape).typeError('invalid_type').nonNullable('invalid_type').noUnknown(true, 'unknown_field')
