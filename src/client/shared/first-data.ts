/**
 * The first data the menu item put in the page (src/shared/first-data.ts). The block is appended after
 * the page's own markup, so it is read once the document is parsed; it is read once and removed, so a
 * later redraw never goes back to it. What it holds is the caller's to check (a reply schema).
 */
import { FIRST_DATA_ID } from '../../shared/first-data';

/** Runs `start` once the whole page, the appended block included, has been parsed. */
export function whenParsed(start: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** The embedded value, or undefined when there is none or it is not JSON. */
export function takeFirstData(): unknown {
  const block = document.getElementById(FIRST_DATA_ID);
  if (!block) return undefined;
  block.remove();
  try {
    return JSON.parse(block.textContent ?? '') as unknown;
  } catch {
    return undefined;
  }
}
