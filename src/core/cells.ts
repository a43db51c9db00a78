/**
 * Schemas for typed cells of the configuration tabs: what Range.getValues returns for a checkbox or a
 * number, or the text someone typed instead ("yes", "24").
 */
import * as z from './validator';

const TRUTHY = ['true', 'yes', 'y', '1', 'on'];

/** A checkbox or typed TRUE/FALSE/yes/no cell. */
export const BooleanCell = z.lazySchema(() =>
  z.union(
    [
      z.boolean(),
      z.pipe(
        z.number().check(z.refine((n) => n === 0 || n === 1)),
        z.transform((n: number) => n === 1),
      ),
      z.pipe(
        z.pipe(
          z.string(),
          z.transform((s: string) => s.trim().toLowerCase()),
        ),
        z.pipe(
          z.enum([...TRUTHY, 'false', 'no', 'n', '0', 'off']),
          z.transform((s: string) => TRUTHY.includes(s)),
        ),
      ),
    ],
    { error: 'is not TRUE or FALSE' },
  ),
);

/** A number typed in a cell (Sheets gives numbers; a text cell may hold "24"). */
export const NumberCell = z.lazySchema(() =>
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))]),
);
