/**
 * The requests `myWorkRecord` accepts (checklist ticks, time, parts), validated with zod/mini by the
 * server: anyone who can open a sidebar can call it from the console with anything. The rules are the
 * ones the page applies as fields are typed (./work-records).
 */
import * as z from '../core/validator';
import {
  MAX_PART_NAME,
  MAX_TIME_NOTE,
  hoursProblem,
  quantityProblem,
  unitCostProblem,
  workDateProblem,
} from './work-records';
import { MAX_ITEM_LENGTH } from '../core/checklists';
import { hasVisibleText } from './visible-text';
import { RecordIdSchema, RowHintSchema } from './request-fields';

/** A check by one of the shared rules (./work-records), failing with the rule's own message. */
const byRule = <T>(problem: (value: T) => string | null) =>
  z.superRefine((value: T, ctx) => {
    const message = problem(value);
    if (message) ctx.issues.push({ code: 'custom', message, input: value });
  });

const ruled = (what: string, problem: (n: number) => string | null) =>
  z.number({ error: `${what} must be a number.` }).check(byRule(problem));

const Item = z.lazySchema(() =>
  z
    .string({ error: 'The checklist item is missing.' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'The checklist item is missing.' }),
      z.maxLength(MAX_ITEM_LENGTH, { error: 'That is not an item of this checklist.' }),
    ),
);

export const WorkRecordRequestSchema = z.lazySchema(() =>
  z.discriminatedUnion(
    'kind',
    [
      /** Only read the order's checklist, time and parts (My work loads them when a card asks). */
      z.strictObject({ kind: z.literal('view'), id: RecordIdSchema, rowHint: z.optional(RowHintSchema) }),
      z.strictObject({
        kind: z.literal('tick'),
        id: RecordIdSchema,
        rowHint: z.optional(RowHintSchema),
        /** The item's number on the order's checklist ("2 of 4" → 2) and its text, both checked. */
        number: z.int({ error: 'The item number is missing.' }).check(z.minimum(1), z.maximum(500)),
        item: Item,
        done: z.boolean({ error: 'Say whether the item is done (true or false).' }),
      }),
      z.strictObject({
        kind: z.literal('time'),
        id: RecordIdSchema,
        rowHint: z.optional(RowHintSchema),
        date: z.string({ error: 'The date is missing.' }).check(
          z.trim(),
          byRule((value: string) => workDateProblem(value, '')),
        ),
        hours: ruled('Hours', hoursProblem),
        note: z.optional(
          z.string().check(
            z.trim(),
            z.maxLength(MAX_TIME_NOTE, {
              error: `The note is too long (${MAX_TIME_NOTE} characters at most).`,
            }),
          ),
        ),
      }),
      z.strictObject({
        kind: z.literal('part'),
        id: RecordIdSchema,
        rowHint: z.optional(RowHintSchema),
        part: z.string({ error: 'The part is missing.' }).check(
          z.trim(),
          z.minLength(1, { error: 'Name the part used.' }),
          z.refine(hasVisibleText, { error: 'Name the part used.' }),
          z.maxLength(MAX_PART_NAME, {
            error: `The part's name is too long (${MAX_PART_NAME} characters at most).`,
          }),
        ),
        quantity: ruled('Quantity', quantityProblem),
        unitCost: ruled('Unit cost', unitCostProblem),
      }),
    ],
    { error: 'Unknown record: use view, tick, time or part.' },
  ),
);
export type WorkRecordRequest = z.infer<typeof WorkRecordRequestSchema>;
