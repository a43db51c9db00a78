/**
 * How a Range looks: number formats, fonts, colours, wrapping and alignment (cell styles). Part of the
 * Range class chain (./range-base explains the split).
 */
import { normalizeColor } from './colors';
import { enumArg, overload, text } from './base';
import type { GasEnumValue } from '../gas-enum';
import { WRAP_STRATEGY } from './spreadsheet-enums';
import type { CellValue } from './values';
import { AUTOMATIC_FORMAT, DEFAULT_DATE_TIME_FORMAT } from './number-format';
import { RangeContents } from './range-contents';

export abstract class RangeFormatting extends RangeContents {
  // ------------------------------------------------------------------------------------------
  // Number formats and text formatting

  getNumberFormat(): string {
    this.ctx.stats.cellsRead += 1;
    const sheet = this._sheet();
    return effectiveFormat(
      sheet.numberFormatAt(this._rect.row, this._rect.column),
      sheet.valueAt(this._rect.row, this._rect.column),
    );
  }

  getNumberFormats(): string[][] {
    this._read();
    const sheet = this._sheet();
    const r = this._rect;
    const values = sheet.readValues(r.row, r.column, r.numRows, r.numColumns);
    return sheet
      .readStyles(r)
      .map((line, i) => line.map((s, j) => effectiveFormat(s?.numberFormat, values[i]![j]!)));
  }

  setNumberFormat(numberFormat: string): this {
    overload(this.gasClass, 'setNumberFormat', arguments, ['string']);
    return this._setStyle('numberFormat', numberFormat === '' ? undefined : numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): this {
    overload(this.gasClass, 'setNumberFormats', arguments, ['array2d']);
    this._assertShape(numberFormats);
    return this._setStyle(
      'numberFormat',
      numberFormats.map((line) => line.map((f) => (text(f) === '' ? undefined : text(f)))),
    );
  }

  setFontWeight(fontWeight: string | null): this {
    return this._setStyle(
      'fontWeight',
      fontWeight === null || fontWeight === 'normal' ? undefined : text(fontWeight),
    );
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    overload(this.gasClass, 'setFontWeights', arguments, ['array2d']);
    this._assertShape(fontWeights);
    return this._setStyle(
      'fontWeight',
      fontWeights.map((l) => l.map((w) => (w === null || w === 'normal' ? undefined : text(w)))),
    );
  }
  getFontWeight(): string {
    return this._topLeftStyle((s) => s?.fontWeight ?? 'normal');
  }
  getFontWeights(): string[][] {
    return this._styleGrid((s) => s?.fontWeight ?? 'normal');
  }

  setFontStyle(fontStyle: string | null): this {
    return this._setStyle(
      'fontStyle',
      fontStyle === null || fontStyle === 'normal' ? undefined : text(fontStyle),
    );
  }
  getFontStyle(): string {
    return this._topLeftStyle((s) => s?.fontStyle ?? 'normal');
  }

  setFontSize(size: number): this {
    overload(this.gasClass, 'setFontSize', arguments, ['number']);
    return this._setStyle('fontSize', size === 10 ? undefined : size);
  }
  getFontSize(): number {
    return this._topLeftStyle((s) => s?.fontSize ?? 10);
  }

  setFontFamily(fontFamily: string | null): this {
    return this._setStyle('fontFamily', fontFamily === null ? undefined : text(fontFamily));
  }
  getFontFamily(): string {
    return this._topLeftStyle((s) => s?.fontFamily ?? 'Arial');
  }

  setFontLine(fontLine: string | null): this {
    return this._setStyle('fontLine', fontLine === null || fontLine === 'none' ? undefined : text(fontLine));
  }
  getFontLine(): string {
    return this._topLeftStyle((s) => s?.fontLine ?? 'none');
  }

  setFontColor(color: string | null): this {
    return this._setColors('fontColor', [[color]], false);
  }
  setFontColors(colors: (string | null)[][]): this {
    overload(this.gasClass, 'setFontColors', arguments, ['array2d']);
    this._assertShape(colors);
    return this._setColors('fontColor', colors, false);
  }
  getFontColor(): string {
    return this._topLeftStyle((s) => s?.fontColor ?? '#000000');
  }
  getFontColors(): string[][] {
    return this._styleGrid((s) => s?.fontColor ?? '#000000');
  }

  setBackground(color: string | null): this {
    return this._setColors('background', [[color]], true);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    overload(this.gasClass, 'setBackgrounds', arguments, ['array2d']);
    this._assertShape(colors);
    return this._setColors('background', colors, true);
  }

  /**
   * Colours as Sheets keeps them (colors.ts): names and hex become lower-case '#rrggbb'; null (and ''
   * for backgrounds) resets; a string Sheets does not understand leaves that cell as it was. One
   * value given for a multi-cell range applies to every cell.
   */
  _setColors(key: 'background' | 'fontColor', colors: (string | null)[][], emptyResets: boolean): this {
    const single = colors.length === 1 && colors[0]!.length === 1;
    if (single) {
      const given = colors[0]![0];
      if (given === null || given === undefined || (emptyResets && given === '')) {
        return this._setStyle(key, undefined);
      }
      const color = normalizeColor(text(given));
      if (color === null) {
        this._assertEditable();
        return this;
      }
      return this._setStyle(key, color);
    }
    const current = this._sheet().readStyles(this._rect);
    const grid = current.map((line, r) =>
      line.map((style, c) => {
        const given = colors[r]![c];
        if (given === null || given === undefined || (emptyResets && given === '')) return undefined;
        return normalizeColor(text(given)) ?? style?.[key];
      }),
    );
    return this._setStyle(key, grid);
  }
  getBackground(): string {
    return this._topLeftStyle((s) => s?.background ?? '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._styleGrid((s) => s?.background ?? '#ffffff');
  }

  setWrap(isWrapEnabled: boolean): this {
    overload(this.gasClass, 'setWrap', arguments, ['boolean']);
    return this._setStyle('wrapStrategy', isWrapEnabled ? 'WRAP' : undefined);
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    overload(this.gasClass, 'setWraps', arguments, ['array2d']);
    this._assertShape(isWrapEnabled);
    return this._setStyle(
      'wrapStrategy',
      isWrapEnabled.map((l) => l.map((w) => (w ? 'WRAP' : undefined))),
    );
  }
  getWrap(): boolean {
    return this._topLeftStyle((s) => s?.wrapStrategy === 'WRAP');
  }
  setWrapStrategy(strategy: unknown): this {
    overload(this.gasClass, 'setWrapStrategy', arguments, ['enum']);
    const name = enumArg(this.gasClass, 'setWrapStrategy', arguments, WRAP_STRATEGY, strategy);
    return this._setStyle('wrapStrategy', name === 'OVERFLOW' ? undefined : name);
  }
  getWrapStrategy(): GasEnumValue {
    return WRAP_STRATEGY.value(this._topLeftStyle((s) => (s?.wrapStrategy ?? 'OVERFLOW') as 'OVERFLOW'));
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this._setStyle(
      'horizontalAlignment',
      alignment === null || alignment === 'normal' ? undefined : text(alignment),
    );
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    overload(this.gasClass, 'setHorizontalAlignments', arguments, ['array2d']);
    this._assertShape(alignments);
    return this._setStyle(
      'horizontalAlignment',
      alignments.map((l) => l.map((a) => (a === null || a === 'normal' ? undefined : text(a)))),
    );
  }
  getHorizontalAlignment(): string {
    return this._topLeftStyle((s) => s?.horizontalAlignment ?? 'general');
  }

  setVerticalAlignment(alignment: string | null): this {
    return this._setStyle('verticalAlignment', alignment === null ? undefined : text(alignment));
  }
  getVerticalAlignment(): string {
    return this._topLeftStyle((s) => s?.verticalAlignment ?? 'bottom');
  }
}

/** What getNumberFormat reports: the cell's format, or Sheets' default for its kind of value. */
function effectiveFormat(format: string | undefined, value: CellValue): string {
  if (format !== undefined) return format;
  return value instanceof Date ? DEFAULT_DATE_TIME_FORMAT : AUTOMATIC_FORMAT;
}
