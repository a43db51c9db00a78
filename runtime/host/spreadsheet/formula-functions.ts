/**
 * The Sheets functions the runtime computes, each as the Sheets help centre defines it
 * (support.google.com/docs, "Google Sheets function list"). A wrong number of arguments is #N/A
 * ("Wrong number of arguments to IF…"), as on live Sheets. Any other Sheets function throws "not
 * implemented in the local runtime" (./formula-eval), and a name that is no Sheets function is #NAME?.
 *
 * Aggregates follow Sheets: in a range, only numbers count for SUM/AVERAGE/MIN/MAX/COUNT (text,
 * booleans and blanks are skipped), while a value given directly is converted (SUM("2", TRUE) is 3);
 * an error anywhere is the result.
 */
import type { FormulaNode } from './formula-parse';
import type { CallContext } from './formula-eval';
import type { FormulaValue } from './formula-value';
import { Errors, FormulaError, SheetDate, dateSerialOf, toBoolean, toNumber, toText } from './formula-value';

interface SheetsFunction {
  min: number;
  max: number;
  call(args: FormulaNode[], ctx: CallContext): FormulaValue;
}

export const FUNCTIONS = new Map<string, SheetsFunction>();

function define(name: string, min: number, max: number, call: SheetsFunction['call']): void {
  FUNCTIONS.set(name, { min, max, call });
}

const MANY = Number.MAX_SAFE_INTEGER;

/** Numbers of the arguments for an aggregate, or the first error met. */
function numbers(args: FormulaNode[], ctx: CallContext): { list: number[]; dates: boolean } | FormulaError {
  const list: number[] = [];
  let dates = false;
  for (const arg of args) {
    const { values, fromRange } = ctx.values(arg);
    for (const value of values) {
      if (value instanceof FormulaError) return value;
      if (fromRange && typeof value !== 'number' && !(value instanceof SheetDate)) continue;
      if (!fromRange && arg.kind === 'empty') continue;
      const n = toNumber(value, ctx.timeZone, ctx.nowMs());
      if (n instanceof FormulaError) return n;
      if (value instanceof SheetDate) dates = true;
      list.push(n);
    }
  }
  return { list, dates };
}

function numberArg(node: FormulaNode, ctx: CallContext): number | FormulaError {
  return toNumber(ctx.value(node), ctx.timeZone, ctx.nowMs());
}

function textArg(node: FormulaNode, ctx: CallContext): string | FormulaError {
  return toText(ctx.value(node));
}

/** Text functions of one text and an optional count (LEFT, RIGHT): a count below 0 is #VALUE!. */
function textAndCount(
  args: FormulaNode[],
  ctx: CallContext,
  pick: (text: string, count: number) => string,
): FormulaValue {
  const text = textArg(args[0]!, ctx);
  if (text instanceof FormulaError) return text;
  const count = args[1] === undefined ? 1 : numberArg(args[1], ctx);
  if (count instanceof FormulaError) return count;
  if (count < 0) return Errors.value;
  return pick(text, Math.trunc(count));
}

// Logical ----------------------------------------------------------------------------------------

define('IF', 2, 3, (args, ctx) => {
  const condition = toBoolean(ctx.value(args[0]!));
  if (condition instanceof FormulaError) return condition;
  if (condition) return ctx.value(args[1]!);
  // IF(cond, a) is FALSE when cond is false.
  return args[2] === undefined ? false : ctx.value(args[2]);
});

function logical(args: FormulaNode[], ctx: CallContext): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (const arg of args) {
    const { values, fromRange } = ctx.values(arg);
    for (const value of values) {
      if (value instanceof FormulaError) return value;
      // In a range, text and blanks are skipped; AND/OR with nothing left to test is #VALUE!.
      if (fromRange && (value === null || typeof value === 'string')) continue;
      const b = toBoolean(value);
      if (b instanceof FormulaError) return b;
      out.push(b);
    }
  }
  return out.length === 0 ? Errors.value : out;
}

define('AND', 1, MANY, (args, ctx) => {
  const list = logical(args, ctx);
  return list instanceof FormulaError ? list : list.every((b) => b);
});
define('OR', 1, MANY, (args, ctx) => {
  const list = logical(args, ctx);
  return list instanceof FormulaError ? list : list.some((b) => b);
});
define('NOT', 1, 1, (args, ctx) => {
  const b = toBoolean(ctx.value(args[0]!));
  return b instanceof FormulaError ? b : !b;
});
define('TRUE', 0, 0, () => true);
define('FALSE', 0, 0, () => false);
define('IFERROR', 1, 2, (args, ctx) => {
  const value = ctx.value(args[0]!);
  if (!(value instanceof FormulaError)) return value;
  return args[1] === undefined ? '' : ctx.value(args[1]);
});
define('IFNA', 2, 2, (args, ctx) => {
  const value = ctx.value(args[0]!);
  return value instanceof FormulaError && value.code === '#N/A' ? ctx.value(args[1]!) : value;
});

// Information ------------------------------------------------------------------------------------

define('ISBLANK', 1, 1, (args, ctx) => ctx.isEmptyCell(args[0]!));
define('ISNUMBER', 1, 1, (args, ctx) => {
  const value = ctx.value(args[0]!);
  return typeof value === 'number' || value instanceof SheetDate;
});
define('ISTEXT', 1, 1, (args, ctx) => typeof ctx.value(args[0]!) === 'string');
define('ISERROR', 1, 1, (args, ctx) => ctx.value(args[0]!) instanceof FormulaError);
define('ISNA', 1, 1, (args, ctx) => {
  const value = ctx.value(args[0]!);
  return value instanceof FormulaError && value.code === '#N/A';
});
define('NA', 0, 0, () => Errors.na);
define('N', 1, 1, (args, ctx) => {
  const value = ctx.value(args[0]!);
  if (value instanceof FormulaError) return value;
  if (value instanceof SheetDate) return value.serial;
  if (typeof value === 'number') return value;
  return value === true ? 1 : 0;
});
define('T', 1, 1, (args, ctx) => {
  const value = ctx.value(args[0]!);
  if (value instanceof FormulaError) return value;
  return typeof value === 'string' ? value : '';
});

// Math and aggregates ----------------------------------------------------------------------------

define('SUM', 1, MANY, (args, ctx) => {
  const found = numbers(args, ctx);
  return found instanceof FormulaError ? found : found.list.reduce((a, b) => a + b, 0);
});
define('AVERAGE', 1, MANY, (args, ctx) => {
  const found = numbers(args, ctx);
  if (found instanceof FormulaError) return found;
  if (found.list.length === 0) return Errors.divZero;
  return found.list.reduce((a, b) => a + b, 0) / found.list.length;
});
function extreme(pick: (a: number, b: number) => number): SheetsFunction['call'] {
  return (args, ctx) => {
    const found = numbers(args, ctx);
    if (found instanceof FormulaError) return found;
    // No numbers at all: 0, as Sheets' MIN and MAX answer.
    if (found.list.length === 0) return 0;
    const n = found.list.reduce((a, b) => pick(a, b));
    return found.dates ? new SheetDate(n, !Number.isInteger(n)) : n;
  };
}
define('MIN', 1, MANY, extreme(Math.min));
define('MAX', 1, MANY, extreme(Math.max));
define('COUNT', 1, MANY, (args, ctx) => {
  let count = 0;
  for (const arg of args) {
    const { values, fromRange } = ctx.values(arg);
    for (const value of values) {
      if (typeof value === 'number' || value instanceof SheetDate) count++;
      else if (
        !fromRange &&
        arg.kind !== 'empty' &&
        typeof toNumber(value, ctx.timeZone, ctx.nowMs()) === 'number'
      ) {
        if (value !== null) count++;
      }
    }
  }
  return count;
});
define('COUNTA', 1, MANY, (args, ctx) => {
  let count = 0;
  for (const arg of args) {
    const { values, fromRange } = ctx.values(arg);
    // Every value a range holds counts, errors and a formula's "" included; only blank cells do not.
    for (const value of values) if (!fromRange || value !== null) count++;
  }
  return count;
});
define('ABS', 1, 1, (args, ctx) => {
  const n = numberArg(args[0]!, ctx);
  return n instanceof FormulaError ? n : Math.abs(n);
});
define('ROUND', 1, 2, (args, ctx) => {
  const n = numberArg(args[0]!, ctx);
  if (n instanceof FormulaError) return n;
  const places = args[1] === undefined ? 0 : numberArg(args[1], ctx);
  if (places instanceof FormulaError) return places;
  // Halves round away from zero; the product is taken to 15 digits so 1.005 rounds to 1.01 as in Sheets.
  const scale = Math.pow(10, Math.trunc(places));
  const rounded = Math.round(Number((Math.abs(n) * scale).toPrecision(15))) / scale;
  return Math.sign(n) * rounded;
});

// Text -------------------------------------------------------------------------------------------

define('CONCATENATE', 1, MANY, (args, ctx) => {
  let out = '';
  for (const arg of args) {
    for (const value of ctx.values(arg).values) {
      const text = toText(value);
      if (text instanceof FormulaError) return text;
      out += text;
    }
  }
  return out;
});
function textMap(map: (text: string) => FormulaValue): SheetsFunction['call'] {
  return (args, ctx) => {
    const text = textArg(args[0]!, ctx);
    return text instanceof FormulaError ? text : map(text);
  };
}
define(
  'LEN',
  1,
  1,
  textMap((text) => text.length),
);
define(
  'UPPER',
  1,
  1,
  textMap((text) => text.toUpperCase()),
);
define(
  'LOWER',
  1,
  1,
  textMap((text) => text.toLowerCase()),
);
// TRIM removes leading and trailing spaces and collapses runs of spaces inside to one.
define(
  'TRIM',
  1,
  1,
  textMap((text) => text.replace(/ +/g, ' ').trim()),
);
define('LEFT', 1, 2, (args, ctx) => textAndCount(args, ctx, (text, n) => text.slice(0, n)));
define('RIGHT', 1, 2, (args, ctx) => textAndCount(args, ctx, (text, n) => (n === 0 ? '' : text.slice(-n))));
define('MID', 3, 3, (args, ctx) => {
  const text = textArg(args[0]!, ctx);
  if (text instanceof FormulaError) return text;
  const start = numberArg(args[1]!, ctx);
  if (start instanceof FormulaError) return start;
  const length = numberArg(args[2]!, ctx);
  if (length instanceof FormulaError) return length;
  if (start < 1 || length < 0) return Errors.value;
  const from = Math.trunc(start) - 1;
  return text.slice(from, from + Math.trunc(length));
});

// Sheets help, HYPERLINK(url, [link_label]): the cell's value is the label shown, else the URL.
define('HYPERLINK', 1, 2, (args, ctx) => textArg(args[args.length - 1]!, ctx));
// IMPORTRANGE reads #REF! ("You need to connect these sheets") until someone grants the spreadsheet
// access to the other one, which the local runtime has no way to do.
define('IMPORTRANGE', 2, 2, () => Errors.ref);

// Dates ------------------------------------------------------------------------------------------

define('TODAY', 0, 0, (_args, ctx) => {
  const serial = dateSerialOf(new Date(ctx.nowMs()), ctx.timeZone);
  return new SheetDate(Math.floor(serial), false);
});
define('NOW', 0, 0, (_args, ctx) => new SheetDate(dateSerialOf(new Date(ctx.nowMs()), ctx.timeZone), true));
define('DATE', 3, 3, (args, ctx) => {
  const parts: number[] = [];
  for (const arg of args) {
    const n = numberArg(arg, ctx);
    if (n instanceof FormulaError) return n;
    parts.push(Math.trunc(n));
  }
  const [typedYear, month, day] = parts as [number, number, number];
  let year = typedYear;
  // Sheets help, DATE: a year from 0 to 1899 is added to 1900; months and days past their end roll over.
  if (year >= 0 && year < 1900) year += 1900;
  if (year < 0 || year > 10_000) return Errors.num;
  const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return serial < 0 ? Errors.num : new SheetDate(serial, false);
});
