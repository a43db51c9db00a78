/**
 * Moves the relative references of a formula by (rows, columns), as Sheets does when one formula is
 * set on a multi-cell range (Range.setFormula) or filled down: `=A1*2` in B1 becomes `=A2*2` in B2,
 * `$A$1` stays. Text in double quotes and function names (`LOG10(`) are left alone.
 */
import { columnToLetters, lettersToColumn } from './a1';

const REFERENCE = /(^|[^A-Za-z0-9_.$'"])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if ((rows === 0 && columns === 0) || !formula.startsWith('=')) return formula;
  // Split on string literals so references are only rewritten outside quotes.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : shiftPart(part, rows, columns)))
    .join('');
}

function shiftPart(part: string, rows: number, columns: number): string {
  return part.replace(
    REFERENCE,
    (match, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const column = lettersToColumn(letters);
      const row = Number(digits);
      if (column > 18278) return match;
      const newColumn = colAbs ? column : column + columns;
      const newRow = rowAbs ? row : row + rows;
      if (newColumn < 1 || newRow < 1) return `${lead}#REF!`;
      return `${lead}${colAbs}${colAbs ? letters : columnToLetters(newColumn)}${rowAbs}${newRow}`;
    },
  );
}
