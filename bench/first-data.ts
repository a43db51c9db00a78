/**
 * An opening is measured as the menu item alone only because its page carries its first data (the page
 * then makes no call before showing it). This checks that it did: a page without it would make its
 * first call after all, and the figure would flatter us, so the bench stops instead.
 */
import { FIRST_DATA_ID } from '../src/shared/first-data';
import type { BenchWorld } from './types';

export function expectFirstData(world: BenchWorld, user: string, what: string): void {
  const html = world.rt.world.ui.lastSidebar(world.ssId, user)?.html ?? '';
  const open = `<script type="application/json" id="${FIRST_DATA_ID}">`;
  const at = html.indexOf(open);
  const text = at < 0 ? '' : html.slice(at + open.length, html.indexOf('</script', at));
  let ok = false;
  try {
    ok = (JSON.parse(text) as { ok?: unknown }).ok === true;
  } catch {
    ok = false;
  }
  if (!ok) throw new Error(`${what}: the page the menu item showed does not carry its first data`);
}
