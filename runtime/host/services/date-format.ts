import { GasError } from '../gas-object';
import { DAY_NAMES, MONTH_NAMES, formatOffset, pad, timeZoneName, zonedFields } from '../time-zone';
import type { ZonedFields } from '../time-zone';

/**
 * `Utilities.formatDate` patterns: Java's SimpleDateFormat in the US English locale.
 * The pattern is compiled once and cached, since a script may format a date per row.
 */
type Token = { literal: string } | { letter: string; count: number };

const PATTERN_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX');

const compiled = new Map<string, Token[]>();

export function compilePattern(pattern: string): Token[] {
  let tokens = compiled.get(pattern);
  if (tokens) return tokens;
  tokens = [];
  let literal = '';
  const flush = () => {
    if (literal) tokens!.push({ literal });
    literal = '';
  };
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal += "'";
        i += 2;
        continue;
      }
      // Quoted text; inside it '' is one quote. Java rejects a quote left open ("Unterminated quote").
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          literal += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          literal += pattern[j];
          j++;
        }
      }
      if (j >= pattern.length) throw new GasError('Invalid argument: Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (!PATTERN_LETTERS.has(c)) throw new GasError(`Invalid argument: Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      if (c === 'X' && count > 3)
        throw new GasError('Invalid argument: invalid ISO 8601 format: length=' + count);
      flush();
      tokens.push({ letter: c, count });
      i += count;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  compiled.set(pattern, tokens);
  return tokens;
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const tokens = compilePattern(pattern);
  const f = zonedFields(date, timeZone);
  let out = '';
  for (const token of tokens) {
    out += 'literal' in token ? token.literal : field(token.letter, token.count, f, date, timeZone);
  }
  return out;
}

function text(full: string, count: number): string {
  return count >= 4 ? full : full.slice(0, 3);
}

function field(letter: string, count: number, f: ZonedFields, date: Date, timeZone: string): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = f.year > 0 ? f.year : 1 - f.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'Y': {
      const year = weekYear(f).weekYear;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      return count >= 3 ? text(MONTH_NAMES[f.month - 1]!, count) : pad(f.month, count);
    case 'w':
      return pad(weekYear(f).week, count);
    case 'W':
      return pad(weekOfMonth(f), count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return text(DAY_NAMES[f.isoWeekday % 7]!, count);
    case 'u':
      return pad(f.isoWeekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return timeZoneName(date, timeZone, count >= 4 ? 'long' : 'short');
    case 'Z':
      return formatOffset(f.offsetMinutes, '');
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      if (count === 1) return formatOffset(f.offsetMinutes, '').slice(0, 3);
      return formatOffset(f.offsetMinutes, count === 3 ? ':' : '');
    default:
      throw new GasError(`Invalid argument: Illegal pattern character '${letter}'`);
  }
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

function dayOfYear(f: ZonedFields): number {
  return dayNumber(f.year, f.month, f.day) - dayNumber(f.year, 1, 1) + 1;
}

/** 0 = Sunday … 6 = Saturday: the US week, which Java's `w`, `W` and `Y` use in the US locale. */
function usWeekday(f: ZonedFields): number {
  return f.isoWeekday % 7;
}

/**
 * US weeks: Sunday to Saturday, week 1 is the week holding January 1. So the last days of December
 * may already be in week 1 of the next week year (the classic `YYYY` bug), which is why it is emulated.
 */
function weekYear(f: ZonedFields): { weekYear: number; week: number } {
  const today = dayNumber(f.year, f.month, f.day);
  const weekStart = today - usWeekday(f);
  const nextJan1 = dayNumber(f.year + 1, 1, 1);
  if (weekStart + 6 >= nextJan1) return { weekYear: f.year + 1, week: 1 };
  const jan1 = dayNumber(f.year, 1, 1);
  const jan1Weekday = (((jan1 + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4).
  const firstWeekStart = jan1 - jan1Weekday;
  return { weekYear: f.year, week: Math.floor((weekStart - firstWeekStart) / 7) + 1 };
}

function weekOfMonth(f: ZonedFields): number {
  const first = dayNumber(f.year, f.month, 1);
  const firstWeekday = (((first + 4) % 7) + 7) % 7;
  return Math.floor((f.day - 1 + firstWeekday) / 7) + 1;
}
