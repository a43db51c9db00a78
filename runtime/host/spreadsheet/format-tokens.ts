/**
 * A number format read into tokens, section by section (`positive;negative;zero;text`): quoted and
 * escaped literals, currency brackets, date/time letters, am/pm, digit placeholders, point, comma and
 * percent. Apart from ./number-format, which shows a value under those tokens, because reading the
 * syntax is one concern (and cached per format: 100,000 cells of a column share one parse) and
 * laying out a date or a number is another.
 */

export type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'date'; letter: 'y' | 'm' | 'd' | 'h' | 's'; count: number }
  | { kind: 'ampm'; style: 'AM/PM' | 'am/pm' | 'A/P' | 'a/p' }
  | { kind: 'fraction'; digits: number }
  | { kind: 'placeholder'; char: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const lower = section.toLowerCase();
  while (i < section.length) {
    const ch = section[i]!;
    const lc = lower[i]!;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close < 0 ? section.length : close;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      // `[$€]` / `[$$-409]` currency literals; colours and conditions (`[Red]`) are ignored.
      const close = section.indexOf(']', i);
      const body = section.slice(i + 1, close < 0 ? section.length : close);
      if (body.startsWith('$')) tokens.push({ kind: 'literal', text: body.slice(1).split('-')[0] ?? '' });
      i = close < 0 ? section.length : close + 1;
    } else if (lower.startsWith('am/pm', i)) {
      tokens.push({ kind: 'ampm', style: section.slice(i, i + 5) === 'AM/PM' ? 'AM/PM' : 'am/pm' });
      i += 5;
    } else if (lower.startsWith('a/p', i)) {
      tokens.push({ kind: 'ampm', style: section.slice(i, i + 3) === 'A/P' ? 'A/P' : 'a/p' });
      i += 3;
    } else if (lc === 'y' || lc === 'm' || lc === 'd' || lc === 'h' || lc === 's') {
      let j = i;
      while (j < section.length && lower[j] === lc) j++;
      tokens.push({ kind: 'date', letter: lc, count: j - i });
      i = j;
    } else if (ch === '.' && /0/.test(section[i + 1] ?? '') && tokens.some((t) => t.kind === 'date')) {
      let j = i + 1;
      while (section[j] === '0') j++;
      tokens.push({ kind: 'fraction', digits: j - i - 1 });
      i = j;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ kind: 'placeholder', char: ch });
      i++;
    } else if (ch === '.') {
      tokens.push({ kind: 'point' });
      i++;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma' });
      i++;
    } else if (ch === '%') {
      tokens.push({ kind: 'percent' });
      i++;
    } else if (ch === '*' || ch === '_') {
      // Fill / padding directives: they only affect layout in the grid.
      i += 2;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Formats are parsed once: displaying 100,000 cells of one column must not re-tokenize each time. */
const compiled = new Map<string, Token[][]>();
export function sectionsOf(format: string): Token[][] {
  let found = compiled.get(format);
  if (!found) {
    found = splitSections(format).map(tokenize);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(format, found);
  }
  return found;
}
