/**
 * Text written with setValues that starts with = + - or @ is parsed by Sheets as a formula (and a
 * leading tab or carriage return is the classic way to smuggle one past naive checks, per OWASP's
 * CSV-injection guidance). A leading apostrophe makes Sheets keep the text as typed and is not shown.
 * Local to the reports so they do not depend on the core team's sanitizer; it may replace this later.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralize(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}
