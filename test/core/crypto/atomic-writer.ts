// Child process for the crash test: rewrites one file forever, each version filled with its number,
// and says which version it is about to write so the parent can kill it in the middle.
import { writeFileAtomic } from '../../../electron/core/crypto/atomic-file'

const [target = '', size = '0'] = process.argv.slice(2)
for (let version = 1; ; version++) {
  process.stdout.write(`writing ${version}\n`)
  await writeFileAtomic(target, Buffer.alloc(Number(size), version))
}
