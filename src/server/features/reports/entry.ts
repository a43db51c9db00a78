// PLACEHOLDER: being built by another engineer; replace this whole file.
import { UserFacingError } from '../../adapters/workbook';
export function buildReports(..._args: unknown[]): unknown {
  throw new UserFacingError('buildReports is not available yet.');
}
