/** The closing "Notes" block: which rows were left out of which figure, so no figure silently lies. */
import type { TabBuilder } from './tab-builder';

export function appendNotes(tab: TabBuilder, notes: readonly string[]): void {
  tab.blank().heading('Notes');
  if (notes.length === 0) tab.line('Every row was usable for every figure.');
  for (const note of notes) tab.line(note);
}
