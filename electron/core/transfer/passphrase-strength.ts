import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import * as fr from '@zxcvbn-ts/language-fr'
import { GuichetFailure } from '../../../src/domain/result'

/**
 * zxcvbn's top score: at least 10^10 guesses. The file travels on a USB stick or by mail, so a thief
 * can try passphrases offline for as long as they like; a length rule would let "motdepasse1" in.
 */
const STRONG = 4

let estimator: ZxcvbnFactory | undefined
// The dictionaries take half a second to index: only when a passphrase is first judged.
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
  }))

/** Refuses an export passphrase that is easy to guess; `context` (desk id, event) counts as known. */
export function assertStrongPassphrase(passphrase: string, context: readonly string[] = []): void {
  const { score } = zxcvbn().check(passphrase, ['guichet', ...context.filter(Boolean)])
  if (score < STRONG) {
    throw new GuichetFailure(
      'passphrase_weak',
      'This passphrase is too easy to guess for a file that holds passports: use several unrelated words, ' +
        'or the generated one the desk offers.',
    )
  }
}
