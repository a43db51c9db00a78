/**
 * google.script.run as promises. A failure the server threw (a bug) or a reply that does not match the
 * shared contract (src/shared/review.ts) becomes a refusal the status line can show: the page checks
 * every reply with the same schemas the server and its tests use, so a drifted reply is caught here
 * instead of breaking the page half-drawn.
 */
import {
  ReviewActResponseSchema,
  ReviewFindResponseSchema,
  ReviewLoadResponseSchema,
  type Refusal,
  type ReviewActResponse,
  type ReviewFindResponse,
  type ReviewLoadResponse,
} from '../../shared/review';

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
}

declare const google: { script: { run: Runner } };

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

const refusal = (message: string): Refusal => ({ ok: false, message });
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
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        resolve(asReply(fn, value) ?? (NOT_UNDERSTOOD as Replies[F]));
      })
      .withFailureHandler((error) =>
        resolve(refusal(`Something went wrong on the server: ${error.message}`) as Replies[F]),
      ) as unknown as Record<ServerFunction, (arg: unknown) => void>;
    runner[fn](argument);
  });
}
