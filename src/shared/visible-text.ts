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

/** Explicit direction controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069). */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * Someone's text set inside a sentence of ours (a requester's name before their verified address), as
 * a bidi isolate: a name ending in a right-to-left override (U+202E) would otherwise draw the address
 * and the rest of the line backwards, and an Arabic name would pull the text next to it into its
 * order. Its own direction controls are dropped (a stray U+2069 would end the isolate early); text
 * with neither right-to-left letters nor controls is returned as it is.
 */
export function isolated(text: string): string {
  const controls = text.search(DIRECTION_CONTROLS) >= 0;
  if (!controls && !RIGHT_TO_LEFT.test(text)) return text;
  return `\u2068${text.replace(DIRECTION_CONTROLS, '')}\u2069`;
}
