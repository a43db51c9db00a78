/** Messages between the host (main thread) and a sandbox worker. All payloads are JSON text. */

/** A global the script sees (`SpreadsheetApp`…), as a handle plus its static enum properties. */
export interface GlobalBinding {
  name: string;
  handle: number;
  gasClass: string;
  props: Record<string, unknown>;
}

export interface StartMessage {
  type: 'start';
  executionId: number;
  /** The bundle source (`dist/Code.js`); workers cache the compiled script by `codeKey`. */
  code: string;
  codeKey: string;
  /** The top-level function to call. */
  entry: string;
  /** JSON of the argument list, in the wire encoding of `codec`. */
  argsJson: string;
  globals: GlobalBinding[];
  /** The world's clock (host/clock.ts): anchorMs at real instant anchorRealMs, `scale` times real speed. */
  clock: { anchorMs: number; anchorRealMs: number; scale: number };
  /** JavaScript's local time zone: the project's (host/local-time-zone.ts), as a TZ value. */
  localTimeZone: string;
}

export interface CallMessage {
  type: 'call';
  executionId: number;
  handle: number;
  method: string;
  argsJson: string;
}

export interface DoneMessage {
  type: 'done';
  executionId: number;
  resultJson?: string;
  error?: WireError;
  loadMs: number;
  /** CPU time of the worker thread while the function ran (NaN if unknown or not reached), ms. */
  cpuMs?: number;
}

/** Sent when the worker starts an execution: its time limit counts from here. */
export interface BeganMessage {
  type: 'began';
  executionId: number;
}

export type WorkerMessage = BeganMessage | CallMessage | DoneMessage;

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  /**
   * What the script threw, as a string (`String(thrown)`: "Error: boom" for an Error, "boom" for a
   * thrown string): the message google.script.run's failure handler receives. Absent for a failure the
   * runtime made itself (the time limit).
   */
  text?: string;
}

/** The answer to a call, sent on the worker's reply port; `json` is `{"ok":…}` or `{"err":…}`. */
export interface ReplyMessage {
  json: string;
}
