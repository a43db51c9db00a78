// PLACEHOLDER: being built by another engineer; replace this whole file.
import { UserFacingError } from '../../adapters/workbook';
export function onHourlyTrigger(..._args: unknown[]): unknown {
  throw new UserFacingError('onHourlyTrigger is not available yet.');
}
export function runHourlyChecksNow(..._args: unknown[]): unknown {
  throw new UserFacingError('runHourlyChecksNow is not available yet.');
}
