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

/** What a failed parse reports, in the shape both the add-on and the sidebar read. */
export interface Issues {
  readonly issues: readonly { readonly message: string; readonly path: readonly PropertyKey[] }[];
}
