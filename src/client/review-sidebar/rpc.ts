/**
 * Review & assign's server calls (../shared/server-call): the page checks every reply with the same
 * schemas of the shared contract (src/shared/review.ts) the server and its tests use.
 */
import {
  ReviewActResponseSchema,
  ReviewFindResponseSchema,
  ReviewLoadResponseSchema,
  type ReviewActResponse,
  type ReviewFindResponse,
  type ReviewLoadResponse,
} from '../../shared/review';
import { refusal, runOnServer } from '../shared/server-call';

interface Replies {
  reviewLoad: ReviewLoadResponse;
  reviewAct: ReviewActResponse;
  reviewFind: ReviewFindResponse;
}
export type ServerFunction = keyof Replies;

interface ReplySchema<T> {
  safeParse(value: unknown): { success: boolean; data?: T };
}

/** The shape each function's reply must have. */
const REPLY_SCHEMAS: { readonly [F in ServerFunction]: ReplySchema<Replies[F]> } = {
  reviewLoad: ReviewLoadResponseSchema,
  reviewAct: ReviewActResponseSchema,
  reviewFind: ReviewFindResponseSchema,
};

const NOT_UNDERSTOOD = refusal(
  'The server sent a reply the sidebar does not understand. Close and reopen the sidebar.',
);

/**
 * `value` as `fn`'s reply when it has that shape, else null. The value itself is kept (not the parsed
 * copy): checking must not change what the page shows.
 */
export function asReply<F extends ServerFunction>(fn: F, value: unknown): Replies[F] | null {
  return REPLY_SCHEMAS[fn].safeParse(value).success ? (value as Replies[F]) : null;
}

export function callServer<F extends ServerFunction>(fn: F, argument: unknown): Promise<Replies[F]> {
  // A refusal is a reply of every function.
  return runOnServer(fn, argument, (value) => asReply(fn, value), NOT_UNDERSTOOD) as Promise<Replies[F]>;
}
