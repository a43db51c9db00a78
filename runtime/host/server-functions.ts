import ts from 'typescript';
import { GasObject } from './gas-object';

/**
 * The project's functions that google.script.run offers a page: the top-level function declarations
 * (the ones the script editor lists and can run), less the private ones, whose names end in `_`.
 The HTML service guide's
 * "Private functions" section: a server function whose name ends in an underscore is private, cannot
 * be called through google.script.run, and its name is never sent to the page. On Google the page's
 * google.script.run has a method for each listed name and none other, so calling any other name is a
 * TypeError in the browser ("google.script.run.x is not a function"), not a server failure.
 *
 * Read by parsing (a function expression assigned to a variable is not listed by Apps Script either),
 * once per source: TypeScript's parser is already a dependency, and Code.js is parsed only when a page
 * is served or a call comes in from one.
 */
const cache = new Map<string, readonly string[]>();

export function serverFunctions(source: string, key: string): readonly string[] {
  const known = cache.get(key);
  if (known) return known;
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || statement.body === undefined) continue;
    const name = statement.name.text;
    if (!name.endsWith('_') && !names.includes(name)) names.push(name);
  }
  cache.set(key, names);
  return names;
}

/**
 * What a page's success handler receives for a server function's return value. A Date anywhere makes
 * the whole value null (the HTML service guide's legal types exclude Date; pages that return one get
 * null). A service object (a Spreadsheet, a Range) has no fields of its own, so it arrives as {} (the
 * runtime's reading: Google does not document it); the value is otherwise the data the script returned.
 */
export function pageValue(value: unknown): unknown {
  if (value === undefined || containsDate(value)) return null;
  return withoutServiceObjects(value);
}

function containsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (value instanceof GasObject) return false;
  if (Array.isArray(value)) return value.some(containsDate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsDate);
  return false;
}

function withoutServiceObjects(value: unknown): unknown {
  if (value instanceof GasObject) return {};
  if (Array.isArray(value)) return value.map(withoutServiceObjects);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutServiceObjects(v)]));
  return value;
}
