/**
 * Computes formula cells when they are read, so a formula follows the cells it references and
 * TODAY()/NOW() follow the world's clock. One evaluator serves one read (a getValues call): it
 * remembers each formula cell it computed, so a rectangle of formulas over the same cells costs each
 * cell once, and it sees a cell reached again while being computed as a circular reference, which
 * Sheets shows as #REF! ("Circular dependency detected") in every cell of the cycle.
 *
 * The subset computed is in ./formula-functions. A cell whose formula needs a Sheets function outside
 * it, or syntax the runtime does not model (array literals, a range where one value is expected, which
 * Sheets spills or intersects), reads as '' (uncomputed), as every formula cell read before the
 * runtime computed any: throwing would stop whatever script reads the tab, where live Sheets would give
 * it a value, so an editor typing =VLOOKUP(…) into a cell would break tests of what the add-on does
 * about it. `uncomputedFormulas` says which formulas were read so.
 */
import { a1Span, parseA1, qualifiedA1, resolveA1 } from './a1';
import type { FormulaNode } from './formula-parse';
import { FormulaSyntaxError, calledFunctions, parseFormula } from './formula-parse';
import type { FormulaValue } from './formula-value';
import { Errors, FormulaError, SheetDate, compare, fromCell, toNumber, toText } from './formula-value';
import { FUNCTIONS } from './formula-functions';
import { isSheetsFunction } from './formula-known';
import type { SheetModel } from './sheet-model';
import type { SpreadsheetModel } from './spreadsheet-model';

/** What a function sees of its call: its arguments, evaluated only when it asks (IF is lazy). */
export interface CallContext {
  readonly timeZone: string;
  nowMs(): number;
  /** One value; a range here is not modelled and throws. */
  value(node: FormulaNode): FormulaValue;
  /** Every value an argument holds: a reference's cells row by row (`fromRange`), else the one value. */
  values(node: FormulaNode): { values: FormulaValue[]; fromRange: boolean };
  /** ISBLANK: true for a reference to a cell with neither value nor formula. */
  isEmptyCell(node: FormulaNode): boolean;
}

/** A formula the runtime does not compute: the cell reads as ''. */
class UncomputedFormula extends Error {}

/** What the runtime could not compute, by formula (for tests and the workbench; bounded). */
export const uncomputedFormulas = new Map<string, string>();

export function unimplemented(what: string): never {
  throw new UncomputedFormula(`not computed by the local runtime: ${what}`);
}

const parsed = new Map<string, FormulaNode | FormulaError>();

/** The tree of a formula, or the error the whole cell shows (#ERROR! to parse, #NAME? for an unknown function). */
function treeOf(formula: string): FormulaNode | FormulaError {
  let tree = parsed.get(formula);
  if (tree) return tree;
  try {
    const node = parseFormula(formula);
    // An unknown function name makes the whole cell #NAME? ("Unknown function"), whichever branch runs.
    const unknown = [...calledFunctions(node)].some(
      (name) => !FUNCTIONS.has(name) && !isSheetsFunction(name),
    );
    tree = unknown ? Errors.name : node;
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    tree = Errors.parse;
  }
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(formula, tree);
  return tree;
}

export class FormulaEvaluator {
  private readonly results = new Map<string, FormulaValue>();
  private readonly computing: string[] = [];
  private readonly circular = new Set<string>();

  constructor(readonly spreadsheet: SpreadsheetModel) {}

  get timeZone(): string {
    return this.spreadsheet.timeZone;
  }

  /** A cell's value as formulas see it (0-based): its stored value, or its formula's result. */
  cell(sheet: SheetModel, r0: number, c0: number): FormulaValue {
    const formula = sheet.formulas.get(r0, c0);
    if (formula === undefined) return fromCell(sheet.values.get(r0, c0), this.timeZone);
    const key = `${sheet.sheetId}:${r0}:${c0}`;
    const known = this.results.get(key);
    if (known !== undefined) return known;
    const at = this.computing.indexOf(key);
    if (at >= 0) {
      for (const k of this.computing.slice(at)) this.circular.add(k);
      return Errors.ref;
    }
    this.computing.push(key);
    let result: FormulaValue;
    try {
      const tree = treeOf(formula);
      result = tree instanceof FormulaError ? tree : this.evaluate(tree, sheet);
    } catch (error) {
      if (!(error instanceof UncomputedFormula)) throw error;
      if (uncomputedFormulas.size > 1000) uncomputedFormulas.clear();
      uncomputedFormulas.set(formula, error.message);
      result = null;
    } finally {
      this.computing.pop();
    }
    if (this.circular.has(key)) result = Errors.ref;
    this.results.set(key, result);
    return result;
  }

  private evaluate(node: FormulaNode, sheet: SheetModel): FormulaValue {
    switch (node.kind) {
      case 'number':
      case 'text':
      case 'boolean':
        return node.value;
      case 'error':
        return new FormulaError(node.code);
      case 'empty':
        return null;
      case 'name':
        return Errors.name;
      case 'unsupported':
        return unimplemented(`formulas with ${node.what}`);
      case 'ref': {
        if (node.isRange) return unimplemented(`a range (${node.a1}) where a formula expects one value`);
        const target = this.resolve(node.a1, sheet);
        return target instanceof FormulaError
          ? target
          : this.cell(target.sheet, target.row - 1, target.column - 1);
      }
      case 'call': {
        const fn = FUNCTIONS.get(node.name);
        if (!fn) return unimplemented(`the Sheets function ${node.name} in a formula`);
        if (node.args.length < fn.min || node.args.length > fn.max) return Errors.na;
        return fn.call(node.args, this.context(sheet));
      }
      case 'unary': {
        const value = this.evaluate(node.operand, sheet);
        if (node.op === '+') return value;
        const n = toNumber(value, this.timeZone, this.spreadsheet.now());
        return n instanceof FormulaError ? n : -n;
      }
      case 'percent': {
        const n = toNumber(this.evaluate(node.operand, sheet), this.timeZone, this.spreadsheet.now());
        return n instanceof FormulaError ? n : n / 100;
      }
      case 'binary':
        return this.binary(node.op, this.evaluate(node.left, sheet), this.evaluate(node.right, sheet));
    }
  }

  private binary(op: string, left: FormulaValue, right: FormulaValue): FormulaValue {
    if (op === '&') {
      const a = toText(left);
      if (a instanceof FormulaError) return a;
      const b = toText(right);
      return b instanceof FormulaError ? b : a + b;
    }
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      const order = compare(left, right);
      if (order instanceof FormulaError) return order;
      if (op === '=') return order === 0;
      if (op === '<>') return order !== 0;
      if (op === '<') return order < 0;
      if (op === '>') return order > 0;
      return op === '<=' ? order <= 0 : order >= 0;
    }
    const a = toNumber(left, this.timeZone, this.spreadsheet.now());
    if (a instanceof FormulaError) return a;
    const b = toNumber(right, this.timeZone, this.spreadsheet.now());
    if (b instanceof FormulaError) return b;
    if (op === '/') return b === 0 ? Errors.divZero : a / b;
    if (op === '*') return a * b;
    if (op === '^') {
      const power = Math.pow(a, b);
      return Number.isFinite(power) ? power : Errors.num;
    }
    // A date plus or minus days is still a date (DATE(2030,1,1)+1 shows as 1/2/2030); two dates
    // subtracted are a number of days.
    const leftDate = left instanceof SheetDate ? left : null;
    const rightDate = right instanceof SheetDate ? right : null;
    const sum = op === '+' ? a + b : a - b;
    const date = leftDate && !rightDate ? leftDate : op === '+' && rightDate && !leftDate ? rightDate : null;
    return date ? new SheetDate(sum, date.withTime || !Number.isInteger(sum)) : sum;
  }

  private resolve(
    a1: string,
    sheet: SheetModel,
  ): { sheet: SheetModel; row: number; column: number; rect: ReturnType<typeof resolveA1> } | FormulaError {
    const ref = parseA1(a1);
    if (!ref) return Errors.parse;
    let target: SheetModel | undefined = sheet;
    if (ref.sheetName !== null) {
      const wanted = ref.sheetName.toLowerCase();
      // Sheets resolves a sheet name in a formula ignoring case; an unknown one is #REF! ("Unresolved sheet name").
      target = sheet.spreadsheet.sheetModels().find((s) => s.name.toLowerCase() === wanted);
      if (!target) return Errors.ref;
    }
    const rect = resolveA1(ref, target.maxRows, target.maxColumns);
    if (a1Span(ref) === 'cells' && rect.row + rect.numRows - 1 > target.maxRows) {
      unimplemented(`a formula reference past the sheet's last row (${qualifiedA1(target.name, rect)})`);
    }
    if (rect.column + rect.numColumns - 1 > target.maxColumns) {
      unimplemented(`a formula reference past the sheet's last column (${qualifiedA1(target.name, rect)})`);
    }
    return { sheet: target, row: rect.row, column: rect.column, rect };
  }

  private context(sheet: SheetModel): CallContext {
    return {
      timeZone: this.timeZone,
      nowMs: () => this.spreadsheet.now(),
      value: (node) => this.evaluate(node, sheet),
      values: (node) => {
        if (node.kind !== 'ref') return { values: [this.evaluate(node, sheet)], fromRange: false };
        // A one-cell reference counts as a range does (SUM(A1) skips text in A1; SUM("5") is 5).
        if (!node.isRange) return { values: [this.evaluate(node, sheet)], fromRange: true };
        const target = this.resolve(node.a1, sheet);
        if (target instanceof FormulaError) return { values: [target], fromRange: false };
        // Only rows and columns that hold something matter: `A2:A` must not walk 100,000 empty rows.
        const { rect } = target;
        const lastRow = Math.min(rect.row + rect.numRows - 1, target.sheet.lastRow());
        const lastColumn = Math.min(rect.column + rect.numColumns - 1, target.sheet.lastColumn());
        const values: FormulaValue[] = [];
        for (let r = rect.row; r <= lastRow; r++) {
          for (let c = rect.column; c <= lastColumn; c++) values.push(this.cell(target.sheet, r - 1, c - 1));
        }
        return { values, fromRange: true };
      },
      isEmptyCell: (node) => {
        if (node.kind !== 'ref' || node.isRange) return false;
        const target = this.resolve(node.a1, sheet);
        if (target instanceof FormulaError) return false;
        const { sheet: s, row, column } = target;
        const value = s.values.get(row - 1, column - 1);
        return (value === undefined || value === '') && s.formulas.get(row - 1, column - 1) === undefined;
      },
    };
  }
}
