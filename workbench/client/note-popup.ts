/** A cell's note shown beside it while the pointer is over the cell, as Sheets shows notes. */
import { h } from './dom';

export class NotePopup {
  private popup: HTMLDivElement | null = null;

  constructor(private readonly canvas: HTMLElement) {}

  /** Shows the note of the cell under `target` (one with a note), or hides it when there is none. */
  over(target: EventTarget | null): void {
    const td = (target as HTMLElement | null)?.closest?.('td.has-note') as HTMLTableCellElement | null;
    if (!td) {
      this.hide();
      return;
    }
    if (this.popup?.dataset.for === td.dataset.a1) return;
    this.hide();
    this.popup = h(
      'div',
      { class: 'note-popup', role: 'tooltip', 'data-for': td.dataset.a1 ?? '' },
      td.dataset.note ?? '',
    );
    this.popup.style.left = `${td.offsetLeft + td.offsetWidth + 2}px`;
    this.popup.style.top = `${td.offsetTop}px`;
    this.canvas.appendChild(this.popup);
  }

  hide(): void {
    this.popup?.remove();
    this.popup = null;
  }
}
