/**
 * Formula text to a tree, for the subset of Sheets formulas the runtime computes
 * (./formula-eval, ./formula-functions). Text that is not a formula Sheets could parse is a parse
 * error, which the cell shows as `#ERROR!` ("Formula parse error"), as typing `- fix the pump`
 * (read as `=- fix the pump`) does on live Sheets.
 *
 * Precedence is Sheets' (the same as Excel's): comparison < `&` < `+ -` < `* /` < `^` < unary
 * `+ -` < postfix `%`; `^` is left-associative (`=2^3^2` is 64) and a leading minus binds tighter
 * than `^` (`=-2^2` is 4).
 */
import { parseA1 } from './a1';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'empty' }
  /** A cell or range reference as written (resolved against the sheet when evaluated). */
  | { kind: 'ref'; a1: string; isRange: boolean }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'unary'; op: '+' | '-'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  /** Syntax Sheets accepts that the runtime does not compute (array literals): evaluating it throws. */
  | { kind: 'unsupported'; what: string };

type Token =
  | { t: 'number'; v: number }
  | { t: 'text'; v: string }
  | { t: 'error'; v: string }
  | { t: 'ref'; v: string; range: boolean }
  | { t: 'ident'; v: string }
  | { t: 'op'; v: string };

export class FormulaSyntaxError extends Error {}

const ERROR_LITERAL = /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)/i;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
/** `A1`, `$A$1`, `A1:B2`, `A:A`, `A2:A`, each optionally after `Sheet!` or `'A sheet'!`. */
export const REFERENCE_PATTERN = String.raw`(?:${SHEET})?(?:(${CELL})(?::(?:${CELL}|${COLUMN}))?|${COLUMN}:${COLUMN})(?![A-Za-z0-9_.(!])`;
const REFERENCE = new RegExp(`^${REFERENCE_PATTERN}`);
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPERATORS = [
  '<>',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '%',
  '(',
  ')',
  ',',
  '{',
  '}',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest.startsWith('"')) {
      let j = 1;
      let value = '';
      for (;;) {
        if (j >= rest.length) throw new FormulaSyntaxError('unterminated text');
        if (rest[j] === '"') {
          if (rest[j + 1] !== '"') break;
          value += '"';
          j += 2;
        } else value += rest[j++];
      }
      tokens.push({ t: 'text', v: value });
      i += j + 1;
      continue;
    }
    const match =
      (ERROR_LITERAL.exec(rest) && { t: 'error' as const, m: ERROR_LITERAL.exec(rest)! }) ||
      (REFERENCE.exec(rest) && { t: 'ref' as const, m: REFERENCE.exec(rest)! }) ||
      (NUMBER.exec(rest) && { t: 'number' as const, m: NUMBER.exec(rest)! }) ||
      (IDENT.exec(rest) && { t: 'ident' as const, m: IDENT.exec(rest)! });
    if (match) {
      const word = match.m[0];
      if (match.t === 'error') tokens.push({ t: 'error', v: word.toUpperCase() });
      else if (match.t === 'ref') {
        if (!parseA1(word)) throw new FormulaSyntaxError(`bad reference ${word}`);
        tokens.push({ t: 'ref', v: word, range: word.includes(':') });
      } else if (match.t === 'number') tokens.push({ t: 'number', v: Number(word) });
      else tokens.push({ t: 'ident', v: word });
      i += word.length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) throw new FormulaSyntaxError(`unexpected ${rest[0]}`);
    tokens.push({ t: 'op', v: op });
    i += op.length;
  }
  return tokens;
}

const COMPARISON = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): FormulaNode {
    const node = this.comparison();
    if (this.at < this.tokens.length) throw new FormulaSyntaxError('unexpected input after the formula');
    return node;
  }

  private peekOp(): string | null {
    const token = this.tokens[this.at];
    return token?.t === 'op' ? token.v : null;
  }

  private binaryLevel(ops: Set<string>, next: () => FormulaNode): FormulaNode {
    let left = next();
    for (let op = this.peekOp(); op !== null && ops.has(op); op = this.peekOp()) {
      this.at++;
      left = { kind: 'binary', op: op as BinaryOp, left, right: next() };
    }
    return left;
  }

  private comparison = (): FormulaNode => this.binaryLevel(COMPARISON, this.concat);
  private concat = (): FormulaNode => this.binaryLevel(new Set(['&']), this.additive);
  private additive = (): FormulaNode => this.binaryLevel(new Set(['+', '-']), this.multiplicative);
  private multiplicative = (): FormulaNode => this.binaryLevel(new Set(['*', '/']), this.power);
  private power = (): FormulaNode => this.binaryLevel(new Set(['^']), this.unary);

  private unary = (): FormulaNode => {
    const op = this.peekOp();
    if (op === '+' || op === '-') {
      this.at++;
      return { kind: 'unary', op, operand: this.unary() };
    }
    let node = this.primary();
    while (this.peekOp() === '%') {
      this.at++;
      node = { kind: 'percent', operand: node };
    }
    return node;
  };

  private expectOp(op: string): void {
    if (this.peekOp() !== op) throw new FormulaSyntaxError(`expected ${op}`);
    this.at++;
  }

  private primary(): FormulaNode {
    const token = this.tokens[this.at++];
    if (!token) throw new FormulaSyntaxError('unexpected end of formula');
    switch (token.t) {
      case 'number':
        return { kind: 'number', value: token.v };
      case 'text':
        return { kind: 'text', value: token.v };
      case 'error':
        return { kind: 'error', code: token.v };
      case 'ref':
        return { kind: 'ref', a1: token.v, isRange: token.range };
      case 'ident':
        return this.identifier(token.v);
      case 'op':
        if (token.v === '(') {
          const inner = this.comparison();
          this.expectOp(')');
          return inner;
        }
        if (token.v === '{') return this.arrayLiteral();
        throw new FormulaSyntaxError(`unexpected ${token.v}`);
    }
  }

  private identifier(word: string): FormulaNode {
    if (this.peekOp() === '(') {
      this.at++;
      return { kind: 'call', name: word.toUpperCase(), args: this.arguments() };
    }
    const upper = word.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
    // A bare name is a named range in Sheets; the runtime has none, so it is an unknown name.
    return { kind: 'name', name: word };
  }

  private arguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peekOp() === ')') {
      this.at++;
      return args;
    }
    for (;;) {
      const op = this.peekOp();
      args.push(op === ',' || op === ')' ? { kind: 'empty' } : this.comparison());
      if (this.peekOp() === ')') {
        this.at++;
        return args;
      }
      this.expectOp(',');
    }
  }

  private arrayLiteral(): FormulaNode {
    let depth = 1;
    while (depth > 0) {
      const token = this.tokens[this.at++];
      if (!token) throw new FormulaSyntaxError('unterminated array');
      if (token.t === 'op' && token.v === '{') depth++;
      if (token.t === 'op' && token.v === '}') depth--;
    }
    return { kind: 'unsupported', what: 'array literals {…}' };
  }
}

/** Parses formula text (with its leading `=`); throws FormulaSyntaxError where Sheets shows #ERROR!. */
export function parseFormula(formula: string): FormulaNode {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return new Parser(tokenize(body)).parseAll();
}

/** Every function name called anywhere in the tree. */
export function calledFunctions(node: FormulaNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === 'call') {
    into.add(node.name);
    for (const arg of node.args) calledFunctions(arg, into);
  } else if (node.kind === 'unary' || node.kind === 'percent') calledFunctions(node.operand, into);
  else if (node.kind === 'binary') {
    calledFunctions(node.left, into);
    calledFunctions(node.right, into);
  }
  return into;
}
