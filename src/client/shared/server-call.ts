/**
 * google.script.run as a promise, for every sidebar: a failure the server threw (a bug) or a reply the
 * page's check does not accept becomes a refusal the status line can show, so a drifted reply is caught
 * here instead of breaking the page half-drawn.
 */
interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
}

declare const google: { script: { run: Runner } };

/** A refusal as every sidebar's status line shows it. */
export interface Refusal {
  ok: false;
  message: string;
}

export const refusal = (message: string): Refusal => ({ ok: false, message });

/**
 * Calls server function `fn` with `argument`; its reply as `asReply` accepts it, else `notUnderstood`.
 */
export function runOnServer<R>(
  fn: string,
  argument: unknown,
  asReply: (value: unknown) => R | null,
  notUnderstood: Refusal,
): Promise<R | Refusal> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(asReply(value) ?? notUnderstood))
      .withFailureHandler((error) => resolve(refusal(serverFailed(error.message)))) as unknown as Record<
      string,
      (arg: unknown) => void
    >;
    // google.script.run offers only the project's server functions: a name it lacks throws here, and
    // the sidebar says so instead of waiting for an answer that never comes.
    const send = runner[fn];
    if (typeof send !== 'function') {
      resolve(
        refusal(
          `The sidebar asked the server for "${fn}", which this version does not offer: reload the sidebar.`,
        ),
      );
      return;
    }
    send(argument);
  });
}

/**
 * What the page says when the server call itself failed (an exception, a timeout, the connection): its
 * message, and what to do, since nothing says whether the change went through.
 */
export function serverFailed(message: string): string {
  // Apps Script hands the failure handler what the server threw as a string: "Error: …" for a thrown
  // Error, whose "Error" says nothing to the person reading it ("Exception: …" and "TypeError: …" stay).
  const said = message.replace(/^Error: /, '');
  return (
    `Something went wrong on the server: ${said}. Close this and open it again to see what was saved, ` +
    'then try once more; if it keeps failing, tell an administrator what it said.'
  );
}
