import { useField, useFieldError, useSubmitCount } from 'vee-validate'
import type { InjectionKey, MaybeRefOrGetter } from 'vue'
import { computed, inject, ref, toValue, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { WarningCode } from '../../domain/registration/codes'
import { fieldId } from './field-id'
import { messageKey } from './messages'

/** A value accepted but worth a second look, with what its sentence quotes (the number as it will be sent...). */
export type FieldWarning = WarningCode | { code: WarningCode; params: Record<string, string> }

/** Values the core's field errors quote (e.g. the reference holding an e-mail), by field path. */
export const fieldParamsKey: InjectionKey<Record<string, Record<string, string>>> = Symbol('fieldParams')

/**
 * The core's refusals by field path (an e-mail already on the desk...). Kept apart from vee-validate's
 * errors, which any field's blur validates again against the schema (that knows nothing of them);
 * each is dropped once its field changes.
 */
export const serverErrorsKey: InjectionKey<Record<string, string>> = Symbol('serverErrors')

/**
 * A field of the registration form bound to vee-validate: its ids, and its message in the UI language.
 * The message shows once the field was typed in and left (or the form submitted), then follows every
 * keystroke, so nobody is told off for a field they are still typing for the first time, nor for an
 * empty one the agent merely tabbed past.
 */
export function useFormField<T>(
  path: MaybeRefOrGetter<string>,
  hint?: MaybeRefOrGetter<string | undefined>,
  /** Another path whose error this field shows, when that one is not on screen. */
  errorOf?: MaybeRefOrGetter<string | undefined>,
  /** A value accepted but worth a second look: shown under the field, never blocking Envoyer. */
  warning?: MaybeRefOrGetter<FieldWarning | undefined>,
) {
  const field = useField<T>(path)
  const borrowed = useFieldError(() => toValue(errorOf) ?? '')
  const submitCount = useSubmitCount()
  const params = inject(fieldParamsKey, {})
  const serverErrors = inject(serverErrorsKey, {})
  const { t } = useI18n()

  const id = computed(() => fieldId(toValue(path)))
  const errorId = computed(() => `${id.value}-error`)
  const hintId = computed(() => `${id.value}-hint`)
  const warningId = computed(() => `${id.value}-warning`)
  // Typed in at least once: a required field merely tabbed past stays quiet until Envoyer.
  const typed = ref(false)
  watch(field.value, () => {
    typed.value = true
    delete serverErrors[toValue(path)]
  })
  const filled = computed(() => {
    const value: unknown = field.value.value
    return value !== null && value !== undefined && value !== ''
  })
  const code = computed(() =>
    (field.meta.touched && (typed.value || filled.value)) || submitCount.value > 0
      ? (field.errorMessage.value ?? borrowed.value ?? serverErrors[toValue(path)])
      : undefined,
  )
  const message = computed(() => code.value && t(messageKey(code.value), params[toValue(path)] ?? {}))
  // An error outranks a warning; the warning is read with the field (aria-describedby), not announced
  // as a live region, so a screen reader is not interrupted at each keystroke.
  const warningText = computed(() => {
    const warned = toValue(warning)
    if (!warned || message.value) return undefined
    return typeof warned === 'string' ? t(messageKey(warned)) : t(messageKey(warned.code), warned.params)
  })
  const describedBy = computed(
    () =>
      [
        toValue(hint) ? hintId.value : '',
        message.value ? errorId.value : '',
        warningText.value ? warningId.value : '',
      ]
        .join(' ')
        .trim() || undefined,
  )

  return { ...field, id, errorId, hintId, warningId, message, warningText, describedBy }
}
