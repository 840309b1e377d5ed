import { importQueue } from '../../transfer/import'
import { transferCommand } from './transfer'

export const run = transferCommand('import', importQueue)
