/**
 * The Extensions menu as the add-on built it for the signed-in person (its onOpen), with the
 * "Running script…" sign shown while a menu item runs.
 */
import type { MenuEntry } from './api';
import { clear, h } from './dom';

export class AddonMenu {
  private readonly button = h(
    'button',
    { class: 'menu-button', 'aria-haspopup': 'true', 'data-testid': 'extensions-menu' },
    'Extensions',
  );
  private readonly list = h('div', { class: 'menu-dropdown', hidden: true, role: 'menu' });
  /** Shown in the menu bar while a menu item runs. */
  readonly running = h('span', { class: 'running', hidden: true }, 'Running script…');

  constructor(private readonly run: (functionName: string, caption: string) => void) {}

  /** The button and its drop-down; a click anywhere else closes it. */
  build(): HTMLElement {
    this.button.addEventListener('click', (e) => {
      e.stopPropagation();
      this.list.hidden = !this.list.hidden;
    });
    document.addEventListener('click', () => (this.list.hidden = true));
    return h('div', { class: 'menu-anchor' }, this.button, this.list);
  }

  close(): void {
    this.list.hidden = true;
  }

  render(title: string, items: MenuEntry[]): void {
    clear(this.list);
    this.list.appendChild(h('div', { class: 'menu-heading' }, title));
    const add = (entries: MenuEntry[], depth: number) => {
      for (const entry of entries) {
        if (entry.kind === 'separator') this.list.appendChild(h('hr'));
        else if (entry.kind === 'submenu') {
          this.list.appendChild(h('div', { class: 'menu-heading sub' }, entry.caption));
          add(entry.items, depth + 1);
        } else {
          this.list.appendChild(
            h(
              'button',
              {
                class: 'menu-item',
                role: 'menuitem',
                style: depth ? `padding-left:${24 + depth * 12}px` : null,
                onclick: () => this.run(entry.functionName, entry.caption),
              },
              entry.caption,
            ),
          );
        }
      }
    };
    if (items.length === 0)
      this.list.appendChild(h('div', { class: 'menu-empty' }, 'The add-on built no menu.'));
    add(items, 0);
  }
}
