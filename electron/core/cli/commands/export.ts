import { exportQueue } from '../../transfer/export'
import { transferCommand } from './transfer'

export const run = transferCommand('export', exportQueue)
