/**
 * What appears over the spreadsheet: the add-on's sidebar (its real HTML in an iframe, 300 px wide as
 * in Sheets), dialogs, alerts and prompts as modals, toasts in the corner, and Sheets' own messages
 * ("There was a problem", "Heads up!").
 */
import type { UiEvent } from './api';
import { append, h } from './dom';

const BUTTON_CAPTIONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'Cancel'],
  YES_NO: ['Yes', 'No'],
  YES_NO_CANCEL: ['Yes', 'No', 'Cancel'],
};

/**
 * Google serves a form's link (`docs.google.com/forms/…/viewform`, pre-filled or not); here the
 * workbench does: a form link clicked in a sidebar or dialog opens that form in a new workbench tab,
 * signed in as the person whose sidebar it is (the frame's `user`), as Sheets opens it in a new tab.
 */
export function followFormLinks(frame: HTMLIFrameElement): HTMLIFrameElement {
  frame.addEventListener('load', () => {
    const page = frame.contentDocument;
    const user = new URL(frame.src, location.href).searchParams.get('user') ?? '';
    page?.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const href = link?.getAttribute('href') ?? '';
      if (!/^https:\/\/docs\.google\.com\/forms\//.test(href)) return;
      event.preventDefault();
      const query = new URLSearchParams({ ...(user ? { as: user } : {}), view: 'form', form: href });
      window.open(`/?${query.toString()}`, '_blank', 'noopener');
    });
  });
  return frame;
}

export class Overlays {
  readonly toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  private readonly modalRoot = h('div', { class: 'modal-root' });

  constructor(
    private readonly sidebar: HTMLElement,
    private readonly onSidebarChange: () => void,
  ) {
    document.body.append(this.toasts, this.modalRoot);
    // google.script.host.close() inside a sidebar or dialog posts this to its parent.
    window.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as { gas?: string } | null;
      if (data?.gas !== 'close') return;
      for (const frame of document.querySelectorAll('iframe.gas-frame')) {
        if ((frame as HTMLIFrameElement).contentWindow === e.source) {
          if (frame.closest('.sidebar')) this.closeSidebar();
          else frame.closest('.modal-backdrop')?.remove();
        }
      }
    });
  }

  get sidebarOpen(): boolean {
    return !this.sidebar.hidden;
  }

  /** Shows what the add-on put on this user's screen. */
  show(event: UiEvent): void {
    switch (event.kind) {
      case 'sidebar':
        this.openSidebar(event.title, event.url, event.width);
        break;
      case 'dialog':
        this.dialog(event.title, event.url, event.width, event.height);
        break;
      case 'alert':
      case 'prompt':
        this.alert(event);
        break;
      case 'toast':
        this.toast(event.message, 'info', event.title, event.timeoutSeconds);
        break;
    }
  }

  openSidebar(title: string, url: string, width: number): void {
    this.sidebar.replaceChildren(
      h(
        'div',
        { class: 'sidebar-header' },
        h('span', { class: 'sidebar-title' }, title || 'Sidebar'),
        h(
          'button',
          {
            class: 'icon-button',
            title: 'Close',
            'aria-label': 'Close sidebar',
            onclick: () => this.closeSidebar(),
          },
          '×',
        ),
      ),
      followFormLinks(
        h('iframe', {
          class: 'gas-frame',
          src: url,
          title: title || 'Sidebar',
          'data-testid': 'sidebar-frame',
        }),
      ),
    );
    this.sidebar.style.width = `${width}px`;
    this.sidebar.hidden = false;
    this.onSidebarChange();
  }

  closeSidebar(): void {
    this.sidebar.hidden = true;
    this.sidebar.replaceChildren();
    this.onSidebarChange();
  }

  private modal(content: HTMLElement, label: string): { close: () => void } {
    const backdrop = h('div', { class: 'modal-backdrop' }, content);
    content.setAttribute('role', 'dialog');
    content.setAttribute('aria-label', label);
    this.modalRoot.appendChild(backdrop);
    return { close: () => backdrop.remove() };
  }

  private dialog(title: string, url: string, width: number, height: number): void {
    const box = h('div', { class: 'modal dialog', style: `width:${width + 48}px` });
    const { close } = this.modal(box, title);
    box.append(
      h(
        'div',
        { class: 'modal-title' },
        h('span', {}, title),
        h('button', { class: 'icon-button', 'aria-label': 'Close', onclick: close }, '×'),
      ),
      followFormLinks(
        h('iframe', { class: 'gas-frame', src: url, title, style: `width:${width}px;height:${height}px` }),
      ),
    );
  }

  /**
   * An alert or prompt. The script already has its answer (the runtime answers synchronously, with the
   * first button), so this shows the question and the answer given.
   */
  private alert(event: Extract<UiEvent, { kind: 'alert' | 'prompt' }>): void {
    const box = h('div', { class: 'modal alert', 'data-testid': 'alert' });
    const { close } = this.modal(box, event.title || 'Alert');
    const captions = BUTTON_CAPTIONS[event.buttons] ?? ['OK'];
    const answered = event.response.charAt(0) + event.response.slice(1).toLowerCase();
    append(
      box,
      event.title ? h('div', { class: 'modal-title' }, event.title) : null,
      h('div', { class: 'modal-body' }, event.prompt),
      event.kind === 'prompt'
        ? h('input', { class: 'prompt-input', value: event.text, disabled: true })
        : null,
      captions.length > 1 || event.kind === 'prompt'
        ? h('p', { class: 'modal-note' }, `The script went on as if you chose “${answered}”.`)
        : null,
      h(
        'div',
        { class: 'modal-buttons' },
        ...captions.map((c, i) => h('button', { class: i === 0 ? 'primary' : '', onclick: close }, c)),
      ),
    );
  }

  problem(title: string, message: string): Promise<void> {
    return new Promise((resolve) => {
      const box = h('div', { class: 'modal problem', 'data-testid': 'problem' });
      const { close } = this.modal(box, title);
      const done = () => {
        close();
        resolve();
      };
      box.append(
        h('div', { class: 'modal-title' }, title),
        h('div', { class: 'modal-body' }, message),
        h('div', { class: 'modal-buttons' }, h('button', { class: 'primary', onclick: done }, 'OK')),
      );
    });
  }

  confirm(title: string, message: string, ok: string): Promise<boolean> {
    return new Promise((resolve) => {
      const box = h('div', { class: 'modal confirm', 'data-testid': 'confirm' });
      const { close } = this.modal(box, title);
      const answer = (yes: boolean) => () => {
        close();
        resolve(yes);
      };
      box.append(
        h('div', { class: 'modal-title' }, title),
        h('div', { class: 'modal-body' }, message),
        h(
          'div',
          { class: 'modal-buttons' },
          h('button', { onclick: answer(false) }, 'Cancel'),
          h('button', { class: 'primary', onclick: answer(true) }, ok),
        ),
      );
    });
  }

  clearToasts(): void {
    this.toasts.replaceChildren();
  }

  toast(message: string, kind: 'info' | 'error' = 'info', title = '', timeoutSeconds = 5): void {
    const item = h(
      'div',
      { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      title ? h('strong', {}, title) : null,
      h('span', {}, message),
      h('button', { class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'),
    );
    this.toasts.appendChild(item);
    // Sheets: a negative timeout keeps the toast until it is closed.
    if (timeoutSeconds >= 0) window.setTimeout(() => item.remove(), Math.max(4, timeoutSeconds) * 1000);
  }
}
