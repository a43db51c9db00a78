/** The outbox: every email the add-on sent, newest first; a message opens rendered as the recipient sees it. */
import { api, type MailSummary } from './api';
import { clear, h } from './dom';

export class OutboxView {
  readonly element = h('section', { class: 'outbox-view', 'data-testid': 'outbox-view' });
  private readonly list = h('ul', { class: 'mail-list' });
  private readonly reader = h('div', { class: 'mail-reader' });
  private readonly onlyMine = h('input', { type: 'checkbox', id: 'only-mine' });
  private mails: MailSummary[] = [];
  private openIndex: number | null = null;

  constructor(private readonly email: () => string) {
    this.onlyMine.addEventListener('change', () => this.renderList());
    this.element.append(
      h(
        'div',
        { class: 'mail-column' },
        h(
          'div',
          { class: 'mail-toolbar' },
          h('label', { for: 'only-mine' }, this.onlyMine, ' Only mail to me'),
        ),
        this.list,
      ),
      this.reader,
    );
    this.reader.appendChild(h('p', { class: 'empty' }, 'Select a message.'));
  }

  async show(): Promise<void> {
    this.mails = (await api.outbox()).mails;
    this.renderList();
  }

  private renderList(): void {
    clear(this.list);
    const me = this.email().toLowerCase();
    const shown = this.onlyMine.checked
      ? this.mails.filter((m) => [...m.to, ...m.cc].some((a) => a.toLowerCase().includes(me)))
      : this.mails;
    if (shown.length === 0) this.list.appendChild(h('li', { class: 'empty' }, 'No messages.'));
    for (const mail of shown) {
      const item = h(
        'li',
        {
          class: mail.index === this.openIndex ? 'mail open' : 'mail',
          'data-index': mail.index,
          tabindex: 0,
        },
        h(
          'div',
          { class: 'mail-line' },
          h('span', { class: 'mail-to' }, mail.to.join(', ')),
          h('span', { class: 'mail-when' }, mail.when),
        ),
        h('div', { class: 'mail-subject' }, mail.subject),
      );
      item.addEventListener('click', () => this.open(mail));
      item.addEventListener('keydown', (e) => (e.key === 'Enter' ? this.open(mail) : undefined));
      this.list.appendChild(item);
    }
  }

  private open(mail: MailSummary): void {
    this.openIndex = mail.index;
    this.renderList();
    clear(this.reader);
    this.reader.append(
      h('h2', { class: 'mail-title' }, mail.subject),
      h(
        'dl',
        { class: 'mail-headers' },
        h('dt', {}, 'From'),
        h('dd', {}, mail.from),
        h('dt', {}, 'To'),
        h('dd', {}, mail.to.join(', ')),
        mail.cc.length ? h('dt', {}, 'Cc') : null,
        mail.cc.length ? h('dd', {}, mail.cc.join(', ')) : null,
        h('dt', {}, 'Sent'),
        h('dd', {}, mail.when),
      ),
      // Sandboxed: a message's HTML never runs scripts or reaches the workbench. Its links open in a
      // new tab, as a mail client opens them; those to a form of the workbook open it in the workbench.
      h('iframe', {
        class: 'mail-body',
        sandbox: 'allow-popups allow-popups-to-escape-sandbox',
        src: `/wb/mail/${mail.index}?${new URLSearchParams({ as: this.email() }).toString()}`,
        title: mail.subject,
      }),
    );
  }
}
