import { GasError } from '../gas-object';

/**
 * Java's `String.format`, which `Utilities.formatString` and `Logger.log(format, values…)` use:
 * %s %d %f %e %x %o %c %b %% %n with flags (-, 0, +, space, ','), width and precision.
 */
const SPEC = /%([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([sSdfeExXocbBn%])/g;

export function javaFormat(
  template: string,
  args: readonly unknown[],
  describe: (v: unknown) => string,
): string {
  let next = 0;
  return template.replace(
    SPEC,
    (_all, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (next >= args.length) throw new GasError(`Format specifier '%${conv}' has no matching argument`);
      const value = args[next++];
      let body: string;
      switch (conv) {
        case 's':
        case 'S':
          body = describe(value);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          if (conv === 'S') body = body.toUpperCase();
          break;
        case 'd':
          body = integer(value, conv, flags, (n) => n.toString(10));
          break;
        case 'x':
        case 'X':
          body = integer(value, conv, flags, (n) => n.toString(16));
          if (conv === 'X') body = body.toUpperCase();
          break;
        case 'o':
          body = integer(value, conv, flags, (n) => n.toString(8));
          break;
        case 'f':
        case 'e':
        case 'E':
          body = decimal(value, conv, flags, precision === undefined ? 6 : Number(precision));
          break;
        case 'c':
          body = typeof value === 'number' ? String.fromCodePoint(value) : describe(value).slice(0, 1);
          break;
        default:
          // %b: Java prints false only for null and false.
          body = String(!(value === null || value === undefined || value === false));
          if (conv === 'B') body = body.toUpperCase();
      }
      return padTo(body, width === undefined ? 0 : Number(width), flags);
    },
  );
}

function numeric(value: unknown, conv: string): number {
  if (typeof value !== 'number') {
    throw new GasError(
      `${conv} != ${value === null || value === undefined ? 'null' : typeof value === 'string' ? 'java.lang.String' : 'java.lang.Object'}`,
    );
  }
  return value;
}

function integer(value: unknown, conv: string, flags: string, digits: (n: bigint) => string): string {
  const n = numeric(value, conv);
  const whole = BigInt(Math.trunc(n));
  let text = digits(whole < 0n ? -whole : whole);
  if (flags.includes(',') && conv === 'd') text = group(text);
  return sign(whole < 0n, flags) + text;
}

function decimal(value: unknown, conv: string, flags: string, precision: number): string {
  const n = numeric(value, conv);
  let text = conv === 'f' ? Math.abs(n).toFixed(precision) : Math.abs(n).toExponential(precision);
  if (conv !== 'f') text = text.replace(/e([+-])(\d)$/, 'e$10$2');
  if (conv === 'E') text = text.toUpperCase();
  if (flags.includes(',')) {
    const [int, frac] = text.split('.');
    text = group(int!) + (frac === undefined ? '' : `.${frac}`);
  }
  return sign(n < 0, flags) + text;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function sign(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function padTo(body: string, width: number, flags: string): string {
  if (body.length >= width) return body;
  if (flags.includes('-')) return body + ' '.repeat(width - body.length);
  if (flags.includes('0')) {
    const signChar = /^[-+ ]/.test(body) ? body[0]! : '';
    return signChar + '0'.repeat(width - body.length) + body.slice(signChar.length);
  }
  return ' '.repeat(width - body.length) + body;
}
