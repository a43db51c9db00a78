/**
 * A sidebar's two message lines: a status (what is happening, what was done) and an error. Showing
 * one clears the other, so the page never shows an old error beside a new success.
 */
export interface StatusLine {
  say(message: string): void;
  complain(message: string): void;
}

export function statusLine(status: HTMLElement, error: HTMLElement): StatusLine {
  return {
    say(message) {
      error.textContent = '';
      status.textContent = message;
    },
    complain(message) {
      status.textContent = '';
      error.textContent = message;
    },
  };
}
