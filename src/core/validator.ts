/**
 * The project's validator: zod/mini (the tree-shakable form of zod 4), with zod's English messages.
 * Apps Script parses all of dist/Code.js on every execution and HtmlService serves the whole sidebar
 * on every opening, so only the schema kinds and checks actually used end up in either bundle.
 *
 * zod/mini says only "Invalid input" unless a locale is configured; the English one keeps the messages
 * users already see ('Unrecognized key: "status"'). Importing schemas through this module guarantees it
 * is configured before anything is parsed, in the add-on, the sidebar and the tests alike.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export * from 'zod/mini';

/**
 * A schema built the first time anything reads it, instead of when its module loads. Apps Script loads
 * (compiles and runs the top level of) all of Code.js on every execution, and building the add-on's
 * few hundred zod schemas was half of that top level; an execution builds only the ones it parses with.
 *
 * What it returns stands in for the schema itself: `.parse`, `.safeParse`, `.shape`, `z.infer`, and
 * use inside other schemas (`z.array(Lazy)`, `z.pipe(Lazy, …)`, `z.extend(Lazy, …)`) all behave as
 * with the built schema, so callers need not know. It forwards reads only; nothing writes to a schema.
 * Each read costs a Proxy lookup (tens of nanoseconds): a part checked once per item of a long list
 * is better built inside its parent's builder (as the review index's entry tuple is) than lazy itself.
 */
export function lazySchema<T extends z.ZodMiniType>(build: () => T): T {
  let schema: T | undefined;
  const built = (): T => (schema ??= build());
  // The empty target only satisfies Proxy; every read goes to the built schema.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(built(), key),
    has: (_, key) => Reflect.has(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}

/** What a failed parse reports, in the shape both the add-on and the sidebar read. */
export interface Issues {
  readonly issues: readonly { readonly message: string; readonly path: readonly PropertyKey[] }[];
}

/** A JSON object: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Stored text read back with a plain predicate instead of a schema, where the value is big or read on
 * every execution and a schema's parse would cost more than the JSON.parse itself: the value, or null
 * when the text is not JSON or the value fails `check`.
 */
export function parseCheckedJson<T>(text: string, check: (value: unknown) => value is T): T | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return check(value) ? value : null;
}

/** Stored text read back: its JSON checked against `schema`, or null when it is not JSON or not valid. */
export function parseStoredJson<T extends z.ZodMiniType>(schema: T, text: string): z.output<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
