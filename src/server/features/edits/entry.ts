// PLACEHOLDER: being built by another engineer; replace this whole file.
import { UserFacingError } from '../../adapters/workbook';
export function onEditTrigger(..._args: unknown[]): unknown {
  throw new UserFacingError('onEditTrigger is not available yet.');
}
