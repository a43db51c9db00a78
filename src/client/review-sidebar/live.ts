/**
 * The sidebar's search and its cheap refresh poll, through google.script.run as promises (the same
 * envelope check as ./rpc, through shared/server-call: a failure or a reply that is not an envelope
 * becomes a refusal).
 */
import type { Refusal, ReviewPollResponse, ReviewSearchResponse } from '../../shared/review';
import { runOnServer } from '../shared/server-call';

const refusal = (message: string): Refusal => ({ ok: false, message });
const NOT_UNDERSTOOD = refusal('The server sent a reply the sidebar does not understand.');

/** `fn`'s reply when it is a refusal, or a success carrying every key in `required`. */
function call<T>(fn: string, argument: unknown, required: readonly string[]): Promise<T | Refusal> {
  return runOnServer<T | Refusal>(
    fn,
    argument,
    (value) => {
      const reply = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const ok =
        (reply.ok === false && typeof reply.message === 'string') ||
        (reply.ok === true && required.every((key) => key in reply));
      return ok ? (reply as T | Refusal) : null;
    },
    NOT_UNDERSTOOD,
  );
}

export function searchServer(query: string): Promise<ReviewSearchResponse> {
  return call<ReviewSearchResponse>('reviewSearch', { query }, ['items', 'total']);
}

export function pollServer(marker: string): Promise<ReviewPollResponse> {
  return call<ReviewPollResponse>('reviewPoll', { marker }, ['changed', 'marker']);
}
