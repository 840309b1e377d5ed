import type { AnyObject, ISchema } from 'yup'
import { ArraySchema, ObjectSchema } from 'yup'
import { MAX_EMERGENCY_CONTACTS, registrationFormSchema } from './schema'

/** Every path of a schema, parents before their fields, in the order the fields were declared. */
function pathsOf(schema: ISchema<unknown, AnyObject>, prefix: string, itemCount: number): string[] {
  if (schema instanceof ObjectSchema) {
    return Object.entries(schema.fields as Record<string, ISchema<unknown, AnyObject>>).flatMap(
      ([key, field]) => {
        const path = prefix ? `${prefix}.${key}` : key
        return [path, ...pathsOf(field, path, itemCount)]
      },
    )
  }
  if (schema instanceof ArraySchema && schema.innerType) {
    const inner = schema.innerType as ISchema<unknown, AnyObject>
    return Array.from({ length: itemCount }, (_, index) => {
      const path = `${prefix}[${index}]`
      return [path, ...pathsOf(inner, path, itemCount)]
    }).flat()
  }
  return []
}

/**
 * The form's field paths in the order the form shows them, as yup and vee-validate write them
 * ("contact.mobile", "emergencyContacts[1].lastName").
 */
export const formFieldPaths = (emergencyContactCount = MAX_EMERGENCY_CONTACTS): string[] =>
  pathsOf(registrationFormSchema, '', emergencyContactCount)

const ORDER = new Map(formFieldPaths().map((path, index) => [path, index]))

/** Paths sorted as the form shows them (an unknown path last). */
export function inFormOrder(paths: Iterable<string>): string[] {
  const position = (path: string) => ORDER.get(path) ?? Number.MAX_SAFE_INTEGER
  return [...paths].sort((a, b) => position(a) - position(b))
}

/** The path of the error the form should focus first: the highest one in the form. */
export const firstErrorPath = (errorPaths: Iterable<string>): string | undefined => inFormOrder(errorPaths)[0]
