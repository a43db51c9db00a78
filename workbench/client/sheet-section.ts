/**
 * The spreadsheet view: the menu bar with the add-on's Extensions menu, the formula bar showing the
 * selected cell, the grid with the sidebar beside it, and the sheet tabs below.
 */
import { AddonMenu } from './addon-menu';
import { clear, h } from './dom';
import { SheetGrid, type GridHost } from './grid';

export type SheetSectionHost = Omit<GridHost, 'selected'> & {
  runMenu(functionName: string, caption: string): void;
};

export class SheetSection {
  readonly element = h('section', { class: 'sheet-view', 'data-testid': 'sheet-view' });
  readonly menu: AddonMenu;
  private readonly grid: SheetGrid;
  private readonly tabsBar = h('div', { class: 'sheet-tabs', role: 'tablist' });
  private readonly nameBox = h('span', { class: 'name-box' });
  private readonly formulaBox = h('span', { class: 'formula-content' });

  constructor(host: SheetSectionHost) {
    this.grid = new SheetGrid({
      user: () => host.user(),
      problem: (t, m) => host.problem(t, m),
      confirm: (t, m, ok) => host.confirm(t, m, ok),
      toast: (m, k) => host.toast(m, k),
      selected: (a1, content) => {
        this.nameBox.textContent = a1;
        this.formulaBox.textContent = content;
      },
      changed: () => host.changed(),
    });
    this.menu = new AddonMenu((functionName, caption) => host.runMenu(functionName, caption));
  }

  /** The sheet open (empty before the first). */
  get name(): string {
    return this.grid.name;
  }

  /** Lays the section out, the sidebar beside the grid. */
  build(sidebar: HTMLElement): void {
    const menuAnchor = this.menu.build();
    const menubar = h(
      'div',
      { class: 'menubar' },
      ...['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'].map((m) =>
        h('span', { class: 'menu-disabled', title: 'Not part of the workbench' }, m),
      ),
      menuAnchor,
      h('span', { class: 'menu-disabled' }, 'Help'),
      this.menu.running,
    );
    const formulaBar = h(
      'div',
      { class: 'formula-bar' },
      this.nameBox,
      h('span', { class: 'fx' }, 'fx'),
      this.formulaBox,
    );
    this.element.append(
      menubar,
      formulaBar,
      h('div', { class: 'sheet-area' }, h('div', { class: 'grid-wrap' }, this.grid.element), sidebar),
      this.tabsBar,
    );
  }

  async openSheet(name: string): Promise<void> {
    this.nameBox.textContent = '';
    this.formulaBox.textContent = '';
    await this.grid.open(name);
    this.renderTabs();
    document.body.dataset.sheet = this.grid.name;
  }

  /** Redraws the open sheet and the tabs after a change made elsewhere. */
  async refresh(): Promise<void> {
    await this.grid.refresh();
    this.renderTabs();
  }

  private renderTabs(): void {
    const current = this.grid.current;
    clear(this.tabsBar);
    for (const tab of current?.tabs ?? []) {
      if (tab.hidden) continue;
      const active = tab.name === current?.name;
      this.tabsBar.appendChild(
        h(
          'button',
          {
            class: active ? 'sheet-tab active' : 'sheet-tab',
            role: 'tab',
            'aria-selected': active ? 'true' : 'false',
            style: tab.color ? `border-bottom-color:${tab.color}` : null,
            onclick: () => void this.openSheet(tab.name),
          },
          tab.name,
        ),
      );
    }
  }
}
