import { audited } from '../../audit/audited-transfer'
import { importQueue } from '../../transfer/import'
import { transferCommand } from './transfer'

export const run = transferCommand('import', audited('import', importQueue))
