/**
 * The sidebar's search and its cheap refresh poll, through google.script.run as promises (the same
 * envelope check as ./rpc: a failure or a reply that is not an envelope becomes a refusal).
 */
import type { Refusal, ReviewPollResponse, ReviewSearchResponse } from '../../shared/review';

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
}
declare const google: { script: { run: Runner } };

const refusal = (message: string): Refusal => ({ ok: false, message });

function call<T>(fn: string, argument: unknown, required: readonly string[]): Promise<T | Refusal> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        const reply = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
        const ok =
          (reply.ok === false && typeof reply.message === 'string') ||
          (reply.ok === true && required.every((key) => key in reply));
        resolve(ok ? (reply as T) : refusal('The server sent a reply the sidebar does not understand.'));
      })
      .withFailureHandler((error) =>
        resolve(refusal(`Something went wrong on the server: ${error.message}`)),
      );
    (runner as unknown as Record<string, (arg: unknown) => void>)[fn]?.(argument);
  });
}

export function searchServer(query: string): Promise<ReviewSearchResponse> {
  return call<ReviewSearchResponse>('reviewSearch', { query }, ['items', 'total']);
}

export function pollServer(marker: string): Promise<ReviewPollResponse> {
  return call<ReviewPollResponse>('reviewPoll', { marker }, ['changed', 'marker']);
}
