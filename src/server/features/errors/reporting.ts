import { spreadsheetOfExecution } from '../../adapters/trigger-target';
import { UserFacingError } from '../../adapters/workbook';
import { reportProblem } from './report';
import { isProtectionRefusal } from '../../adapters/protection-refused';
import { protectionRefused } from './protection-refused';

/** A failure whose details were already reported (Errors sheet, email): only rethrown, not reported twice. */
export class AlreadyReportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyReportedError';
  }
}

/**
 * Wraps a trigger or menu handler so that a failure is never silent: it is written to the Errors
 * sheet and emailed to the administrators (once per distinct message per day), then rethrown so Apps
 * Script still records the execution as failed. In a menu item a UserFacingError is the person's own
 * answer (shown to them), not a failure, and is only rethrown. Reporting never hides the original
 * error: if reporting fails too, that is logged and the original is thrown.
 */
export function reportingErrors<A extends unknown[], R>(
  name: string,
  handler: (...args: A) => R,
  kind: 'trigger' | 'menu' = 'trigger',
): (...args: A) => R {
  return (...args: A): R => {
    try {
      return handler(...args);
    } catch (error) {
      // A menu item a supervisor or manager runs (Build reports) writes as them: refused because someone
      // removed them from a protection, they are told what to do and the administrators hear of it.
      if (kind === 'menu' && isProtectionRefusal(error))
        throw new UserFacingError(protectionRefused(name, error, 'menu'));
      const shownToTheUser = kind === 'menu' && error instanceof UserFacingError;
      if (!shownToTheUser && !(error instanceof AlreadyReportedError)) recordFailure(name, args[0], error);
      throw error;
    }
  };
}

function recordFailure(name: string, event: unknown, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  try {
    const ss = spreadsheetOfExecution(event);
    if (!ss) {
      console.error(`${name} failed with no spreadsheet to report to: ${message}`);
      return;
    }
    reportProblem(ss, {
      source: name,
      message,
      stack,
      errorName: error instanceof Error ? error.name : typeof error,
    });
  } catch (reportError) {
    console.error(`${name} failed (${message}) and the failure could not be reported`, reportError);
  }
}
