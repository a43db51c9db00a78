/**
 * Apps Script enum values inside the script's context (runtime/host/gas-enum.ts has the model and
 * its sources). Like the installer (./prelude), this runs from its source text in each context, so it
 * may use only the context's own built-ins: one frozen object per value and context, so a getter's
 * value is === the constant; the enum itself is its first value, and every value names its siblings.
 */
export interface EnumMeta {
  id: string;
  name: string;
  ordinal: number;
}

export interface ScriptEnums {
  /** The object for `name` of enum `id` (whose values are `names`); the enum itself if no name. */
  enumFor(id: string, names: string[], name: string | undefined): object;
  /** What an enum value is; undefined for anything else. */
  enumMeta(value: unknown): EnumMeta | undefined;
}

export function makeScriptEnums(): ScriptEnums {
  'use strict';
  const ENUM = Symbol('enum');
  const enumMeta = (value: unknown): EnumMeta | undefined =>
    value !== null && typeof value === 'object' ? (value as Record<symbol, EnumMeta>)[ENUM] : undefined;
  const enumProto = Object.create(Object.prototype) as object;
  const method = (fn: (this: object, ...args: unknown[]) => unknown) => ({ value: fn, enumerable: false });
  const metaOf = (self: object): EnumMeta => {
    const meta = enumMeta(self);
    if (!meta) throw new TypeError('not an Apps Script enum value');
    return meta;
  };
  Object.defineProperties(enumProto, {
    toString: method(function (this: object) {
      return metaOf(this).name;
    }),
    name: method(function (this: object) {
      return metaOf(this).name;
    }),
    toJSON: method(function (this: object) {
      return metaOf(this).name;
    }),
    ordinal: method(function (this: object) {
      return metaOf(this).ordinal;
    }),
    compareTo: method(function (this: object, other: unknown) {
      const mine = metaOf(this);
      const theirs = enumMeta(other);
      if (!theirs || theirs.id !== mine.id) throw new TypeError(`not a ${mine.id} value`);
      return mine.ordinal - theirs.ordinal;
    }),
  });
  const enumTypes = new Map<string, Map<string, object>>();

  function enumFor(id: string, names: string[], name: string | undefined): object {
    let values = enumTypes.get(id);
    if (!values) {
      const made = names.map((n, ordinal) =>
        Object.create(enumProto, { [ENUM]: { value: { id, name: n, ordinal } } }),
      ) as object[];
      for (const value of made)
        names.forEach((n, i) => Object.defineProperty(value, n, { value: made[i], enumerable: true }));
      values = new Map(names.map((n, i) => [n, Object.freeze(made[i]!)]));
      enumTypes.set(id, values);
    }
    return values.get(name === undefined ? names[0]! : name)!;
  }
  return { enumFor, enumMeta };
}
