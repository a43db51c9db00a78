// PLACEHOLDER: being built by another engineer; replace this whole file.
import { UserFacingError } from '../../adapters/workbook';
export function verifyAuditLog(..._args: unknown[]): unknown {
  throw new UserFacingError('verifyAuditLog is not available yet.');
}
