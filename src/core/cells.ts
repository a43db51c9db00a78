/**
 * Schemas for typed cells of the configuration tabs: what Range.getValues returns for a checkbox or a
 * number, or the text someone typed instead ("yes", "24").
 */
import { z } from 'zod';

/** A checkbox or typed TRUE/FALSE/yes/no cell. */
export const BooleanCell = z.union(
  [
    z.boolean(),
    z
      .number()
      .refine((n) => n === 0 || n === 1)
      .transform((n) => n === 1),
    z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.enum(['true', 'false', 'yes', 'no', 'y', 'n', '1', '0', 'on', 'off']))
      .transform((s) => ['true', 'yes', 'y', '1', 'on'].includes(s)),
  ],
  { error: 'is not TRUE or FALSE' },
);

/** A number typed in a cell (Sheets gives numbers; a text cell may hold "24"). */
export const NumberCell = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
