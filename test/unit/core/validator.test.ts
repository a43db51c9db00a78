/**
 * lazySchema: a schema built the first time it is read, standing in for the built schema everywhere
 * (parse, issues, composition), and the promise it exists for: loading the add-on's modules builds no
 * schema at all, since Apps Script loads all of Code.js on every execution.
 */
import { build } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import * as z from '../../../src/core/validator';

/** The same schema twice: built now, and through lazySchema with a count of its builds. */
function both<T extends z.ZodMiniType>(make: () => T): { eager: T; lazy: T; builds: () => number } {
  let builds = 0;
  const lazy = z.lazySchema(() => {
    builds++;
    return make();
  });
  return { eager: make(), lazy, builds: () => builds };
}

const issuesOf = (schema: z.ZodMiniType, value: unknown): unknown => {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : result.error.issues;
};

describe('lazySchema', () => {
  it('builds nothing until it is read, then builds once however it is used', () => {
    const { lazy, builds } = both(() => z.object({ name: z.string().check(z.minLength(2)) }));
    expect(builds()).toBe(0);
    const wrapped = z.array(lazy);
    lazy.parse({ name: 'Sam' });
    lazy.safeParse({ name: 'S' });
    wrapped.safeParse([{ name: 'Sam' }, { name: 1 }]);
    expect(Object.keys(lazy.shape)).toEqual(['name']);
    expect(builds()).toBe(1);
  });

  it('parses and reports exactly as the built schema, alone and inside other schemas', () => {
    const row = both(() =>
      z.object({
        email: z.pipe(z.string().check(z.trim()), z.email({ error: 'is not an email address' })),
        hours: z.number().check(z.gte(0)),
      }),
    );
    const note = both(() => z.optional(z.string().check(z.maxLength(3, { error: 'The note is too long.' }))));
    const step = (r: z.ZodMiniType, n: z.ZodMiniType) =>
      z.discriminatedUnion(
        'action',
        [
          z.strictObject({ action: z.literal('start'), note: n }),
          z.strictObject({ action: z.literal('log'), row: r }),
        ],
        { error: 'Unknown step.' },
      );
    const cases: unknown[] = [
      { email: ' a@b.co ', hours: 2 },
      { email: 'nope', hours: -1 },
      { hours: '2' },
      'text',
    ];
    for (const value of cases) expect(issuesOf(row.lazy, value)).toEqual(issuesOf(row.eager, value));
    const steps: unknown[] = [
      { action: 'start' },
      { action: 'start', note: 'abcd' },
      { action: 'start', extra: 1 },
      { action: 'log', row: { email: 'nope', hours: 1 } },
      { action: 'fly' },
    ];
    const eagerStep = step(row.eager, note.eager);
    const lazyStep = step(row.lazy, note.lazy);
    for (const value of steps) expect(issuesOf(lazyStep, value)).toEqual(issuesOf(eagerStep, value));
    expect(issuesOf(lazyStep, { action: 'start', note: 'abcd' })).toEqual([
      expect.objectContaining({ message: 'The note is too long.', path: ['note'] }),
    ]);
    const extended = z.extend(row.lazy, { name: z.string() });
    expect(issuesOf(extended, { email: 'a@b.co', hours: 1 })).toEqual(
      issuesOf(z.extend(row.eager, { name: z.string() }), { email: 'a@b.co', hours: 1 }),
    );
  });

  it('is thrown through by parse with the same message', () => {
    const { eager, lazy } = both(() => z.int().check(z.gte(2)));
    expect(() => lazy.parse(1)).toThrow(
      (() => {
        try {
          eager.parse(1);
        } catch (error) {
          return (error as Error).message;
        }
        return 'eager.parse did not throw';
      })(),
    );
  });
});

/**
 * Loads a bundle of `imports` into a fresh context that counts schemas as zod builds them (every
 * schema gains the '$ZodType' trait once), then calls its `probe`, which parses with one schema.
 */
async function schemasBuilt(imports: string[]): Promise<{ atLoad: number; afterProbe: number }> {
  const src = path.resolve(__dirname, '../../../src');
  const result = await build({
    stdin: {
      contents: `${imports.map((file) => `import './${file}';`).join('\n')}
import { ReviewFindRequestSchema } from './shared/review';
globalThis.probe = () => ReviewFindRequestSchema.safeParse({}).success;`,
      resolveDir: src,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    define: { __WO_NO_LOCKS__: 'false' },
    write: false,
    logLevel: 'silent',
  });
  const context = vm.createContext({});
  vm.runInContext(
    `globalThis.built = 0;
     const add = Set.prototype.add;
     Set.prototype.add = function (value) { if (value === '$ZodType') built++; return add.call(this, value); };`,
    context,
  );
  vm.runInContext(result.outputFiles[0]?.text ?? '', context);
  const atLoad = vm.runInContext('built', context) as number;
  expect(vm.runInContext('probe()', context)).toBe(false);
  return { atLoad, afterProbe: vm.runInContext('built', context) as number };
}

describe('loading the add-on', () => {
  it('builds no schema anywhere in the bundle', async () => {
    // The entry points import every room, so this is what Code.js runs at load.
    const modules = ['server/entrypoints'];
    const { atLoad, afterProbe } = await schemasBuilt(modules);
    // A schema built at module level costs every execution: wrap it in lazySchema (core/validator).
    expect(atLoad).toBe(0);
    // The count works: parsing once builds that schema.
    expect(afterProbe).toBeGreaterThan(0);
  });
});
