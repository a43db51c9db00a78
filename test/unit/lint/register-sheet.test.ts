/**
 * Features read and write the register through the Register's own methods, never through its sheet:
 * the sheet is a private field of the class (`#sheet`), so the type checker refuses every way of
 * reaching it (whatever the register value is called, aliased or destructured), and at run time the
 * object carries no such property. Each probe is type-checked as if it were the file named, against
 * the project's own compiler options.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');

const IMPORT = "import { Register } from '../adapters/register';\n";
const SPREADSHEET = 'type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;\n';

/** [why, file (from the repository root), code, whether the type checker accepts it] */
const PROBES: Array<[string, string, string, boolean]> = [
  [
    'a feature reads through register.sheet',
    'src/server/features/probe-named.ts',
    `${IMPORT}export const last = (register: Register): number => register.sheet.getLastRow();\n`,
    false,
  ],
  [
    // The name-based lint rule this replaces looked for a variable ending in "register": this escaped it.
    'a feature reads through the sheet of a register under another name',
    'src/server/features/probe-alias.ts',
    `${IMPORT}${SPREADSHEET}export function last(ss: Spreadsheet): number {\n  const r = Register.open(ss);\n  return r.sheet.getLastRow();\n}\n`,
    false,
  ],
  [
    'a feature reads the sheet by element access',
    'src/server/features/probe-element.ts',
    `${IMPORT}export const last = (r: Register): number => r['sheet'].getLastRow();\n`,
    false,
  ],
  [
    "a feature destructures the register's sheet",
    'src/server/features/probe-destructure.ts',
    `${IMPORT}export function last(r: Register): number {\n  const { sheet } = r;\n  return sheet.getLastRow();\n}\n`,
    false,
  ],
  [
    "a feature reads through Register.open(...)'s sheet",
    'src/server/features/probe-open.ts',
    `${IMPORT}${SPREADSHEET}export const last = (ss: Spreadsheet): number => Register.open(ss).sheet.getLastRow();\n`,
    false,
  ],
  [
    'an adapter reads through the register sheet too',
    'src/server/adapters/probe-adapter.ts',
    "import { Register } from './register';\nexport const last = (r: Register): number => r.sheet.getLastRow();\n",
    false,
  ],
  [
    'a feature uses Register methods',
    'src/server/features/probe-methods.ts',
    `${IMPORT}export const ids = (r: Register): string[] => [...r.readIds(), String(r.readBand(2, 1, 0, 2).length)];\n`,
    true,
  ],
];

function diagnosticsOf(): string[][] {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const probes = new Map(PROBES.map(([, file, code]) => [path.join(root, file), code]));
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => probes.get(path.resolve(file)) ?? readFile(file);
  host.fileExists = (file) => probes.has(path.resolve(file)) || fileExists(file);
  host.getSourceFile = (file, language, onError, create) => {
    const code = probes.get(path.resolve(file));
    return code === undefined
      ? getSourceFile(file, language, onError, create)
      : ts.createSourceFile(file, code, language, true);
  };
  const program = ts.createProgram([...probes.keys()], options, host);
  return PROBES.map(([, file]) => {
    const source = program.getSourceFile(path.join(root, file));
    if (!source) throw new Error(`probe ${file} was not compiled`);
    return program
      .getSemanticDiagnostics(source)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  });
}

let reported: string[][] = [];
beforeAll(() => {
  reported = diagnosticsOf();
});

test.each(PROBES.map((probe, i) => [probe[0], i, probe[3]] as const))('%s', (_why, i, accepted) => {
  const messages = reported[i] ?? [];
  if (accepted) expect(messages).toEqual([]);
  else expect(messages.join('\n')).toMatch(/'sheet' does not exist on type 'Register'/);
});
