/**
 * My work's server calls (../shared/server-call): each reply checked against the shared contract
 * (src/shared/my-work-types.ts).
 */
import {
  isMyWorkReply,
  type MyWorkActResponse,
  type MyWorkLoadResponse,
  type MyWorkServerFunction,
} from '../../shared/my-work-types';
import type { MyWorkRecordResponse } from '../../shared/work-records';
import { refusal, runOnServer } from '../shared/server-call';

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

const NOT_UNDERSTOOD = refusal('The server sent a reply My work does not understand. Close and reopen it.');

export function callServer<F extends ServerFunction>(fn: F, argument: unknown): Promise<Replies[F]> {
  // A refusal is a reply of every function.
  return runOnServer(fn, argument, (value) => asReply(fn, value), NOT_UNDERSTOOD) as Promise<Replies[F]>;
}
