// PLACEHOLDER: being built by another engineer; replace this whole file.
import { UserFacingError } from '../../adapters/workbook';
export function openReviewSidebar(..._args: unknown[]): unknown {
  throw new UserFacingError('openReviewSidebar is not available yet.');
}
export function reviewLoad(..._args: unknown[]): unknown {
  throw new UserFacingError('reviewLoad is not available yet.');
}
export function reviewAct(..._args: unknown[]): unknown {
  throw new UserFacingError('reviewAct is not available yet.');
}
