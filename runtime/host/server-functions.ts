import ts from 'typescript';

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
