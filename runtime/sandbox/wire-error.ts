/**
 * What a script's uncaught exception becomes on the wire to the host: its name, message and stack as
 * the script's own Error gave them, and what it threw as a string (the failure handler's message).
 */
import type { WireError } from './protocol';

export function toWireError(error: unknown): WireError {
  const text = asText(error);
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: String(e.message),
      stack: typeof e.stack === 'string' ? e.stack : undefined,
      text,
    };
  }
  return { name: 'Error', message: String(error), text };
}

/** String(thrown), as the script's own toString makes it; one that throws itself gives nothing. */
function asText(thrown: unknown): string | undefined {
  try {
    return String(thrown);
  } catch {
    return undefined;
  }
}
