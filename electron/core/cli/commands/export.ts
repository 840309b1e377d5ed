import { audited } from '../../audit/audited-transfer'
import { exportQueue } from '../../transfer/export'
import { transferCommand } from './transfer'

export const run = transferCommand('export', audited('export', exportQueue))
