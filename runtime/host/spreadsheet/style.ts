/**
 * Cell formatting (number format, font, colours, alignment, wrap). Styles are immutable and interned:
 * formatting a whole column of 100,000 cells stores 100,000 references to one object, not 100,000
 * objects.
 */
export interface CellStyle {
  readonly numberFormat?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontWeight?: string;
  readonly fontStyle?: string;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly fontLine?: string;
  readonly wrapStrategy?: string;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
}

export type StyleKey = keyof CellStyle;
export type StyleValue = string | number | undefined;

const EMPTY: CellStyle = Object.freeze({});
const interned = new Map<string, CellStyle>([['{}', EMPTY]]);
const derived = new WeakMap<CellStyle, Map<string, CellStyle>>();

function canonical(style: CellStyle): string {
  const keys = (Object.keys(style) as StyleKey[]).filter((k) => style[k] !== undefined).sort();
  return JSON.stringify(keys.map((k) => [k, style[k]]));
}

function intern(style: CellStyle): CellStyle {
  const key = canonical(style);
  let found = interned.get(key);
  if (!found) {
    found = Object.freeze({ ...style });
    interned.set(key, found);
  }
  return found;
}

/** The style with one property changed (undefined removes it); memoized per (style, key, value). */
export function withStyle(
  style: CellStyle | undefined,
  key: StyleKey,
  value: StyleValue,
): CellStyle | undefined {
  const base = style ?? EMPTY;
  let cache = derived.get(base);
  if (!cache) {
    cache = new Map();
    derived.set(base, cache);
  }
  const memoKey = `${key}\u0000${typeof value}\u0000${String(value)}`;
  let next = cache.get(memoKey);
  if (!next) {
    const copy: Record<string, StyleValue> = { ...base };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    next = intern(copy as CellStyle);
    cache.set(memoKey, next);
  }
  return next === EMPTY ? undefined : next;
}

/** Keeps only the number format: Range.clearFormat does not reset number formatting. */
export function onlyNumberFormat(style: CellStyle | undefined): CellStyle | undefined {
  if (!style || style.numberFormat === undefined) return undefined;
  return withStyle(undefined, 'numberFormat', style.numberFormat);
}
