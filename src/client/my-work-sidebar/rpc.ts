/**
 * google.script.run as promises for My work. A failure the server threw (a bug) or a reply that is not
 * a reply envelope becomes a refusal the status line can show; the reply's shape is the shared
 * contract (src/shared/my-work-types.ts).
 */
import {
  isMyWorkReply,
  type MyWorkActResponse,
  type MyWorkLoadResponse,
  type MyWorkServerFunction,
  type Refusal,
} from '../../shared/my-work-types';
import type { MyWorkRecordResponse } from '../../shared/work-records';

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
}

declare const google: { script: { run: Runner } };

interface Replies {
  myWorkLoad: MyWorkLoadResponse;
  myWorkAct: MyWorkActResponse;
  myWorkRecord: MyWorkRecordResponse;
}
export type ServerFunction = keyof Replies & MyWorkServerFunction;

/** `value` as `fn`'s reply when it has that shape (src/shared/my-work-types.ts), else null. */
export function asReply<F extends ServerFunction>(fn: F, value: unknown): Replies[F] | null {
  return isMyWorkReply(fn, value) ? (value as Replies[F]) : null;
}

const refusal = (message: string): Refusal => ({ ok: false, message });
const NOT_UNDERSTOOD = refusal('The server sent a reply My work does not understand. Close and reopen it.');

export function callServer<F extends ServerFunction>(fn: F, argument: unknown): Promise<Replies[F]> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(asReply(fn, value) ?? (NOT_UNDERSTOOD as Replies[F])))
      .withFailureHandler((error) =>
        resolve(refusal(`Something went wrong on the server: ${error.message}`) as Replies[F]),
      ) as unknown as Record<ServerFunction, (arg: unknown) => void>;
    runner[fn](argument);
  });
}
