/**
 * Whether a text shows anything. Trimming removes spaces and line breaks but not the invisible
 * format and control characters (right-to-left override U+202E, zero-width space U+200B, NUL…),
 * so a reason, note or part name made only of those would pass a "required" check and be written,
 * logged and emailed as a blank. The sidebars' schemas and the server both ask this.
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}]/u;

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}
