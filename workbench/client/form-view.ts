/**
 * A form as its respondent sees it, rendered from the form setup created (its questions, help texts,
 * choices and required marks), submitted as the signed-in person: the intake form, or the form a
 * link opens (a requestor's reply form, the technician's update form), with the answers a pre-filled
 * link carries (`entry.<id>=…`) filled in.
 */
import { api, type FormDescription } from './api';
import { clear, h } from './dom';

const REQUIRED = 'This is a required question';

export class FormView {
  readonly element = h('section', { class: 'form-view', 'data-testid': 'form-view' });

  constructor(
    private readonly email: () => string,
    private readonly changed: () => void,
  ) {}

  /** The form's link when it is not the intake form. */
  private url: string | undefined;

  /** Shows the intake form, or the form `url` links to, pre-filled as the link says. */
  async show(url?: string): Promise<void> {
    this.url = url;
    let form: FormDescription;
    try {
      form = await api.form(url);
    } catch (error) {
      clear(this.element);
      this.element.appendChild(
        h('div', { class: 'form-card form-header', role: 'alert' }, (error as Error).message),
      );
      return;
    }
    this.render(form);
    if (url) this.prefill(form, new URL(url).searchParams);
  }

  /** The answers a pre-filled link carries, put in their questions as Google's form page does. */
  private prefill(form: FormDescription, params: URLSearchParams): void {
    for (const item of form.items) {
      for (const value of params.getAll(`entry.${item.id}`)) {
        const field = this.element.querySelector<HTMLInputElement>(`#q-${item.id}`);
        const option = Array.from(
          this.element.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(item.title)}"]`),
        ).find((o) => (o.type === 'radio' || o.type === 'checkbox') && o.value === value);
        if (option) option.checked = true;
        else if (field) field.value = value;
      }
    }
  }

  private render(form: FormDescription, error = ''): void {
    clear(this.element);
    const card = h(
      'div',
      { class: 'form-card form-header' },
      h('h1', {}, form.title),
      form.description ? h('p', { class: 'form-description' }, form.description) : null,
      h('p', { class: 'form-required-note' }, '* Indicates required question'),
    );
    const formEl = h('form', { class: 'intake-form', novalidate: true });
    formEl.appendChild(card);
    if (!form.acceptingResponses) {
      formEl.appendChild(
        h('div', { class: 'form-card' }, `The form ${form.title} is no longer accepting responses.`),
      );
      this.element.appendChild(formEl);
      return;
    }
    if (form.collectEmail) {
      formEl.appendChild(
        h(
          'div',
          { class: 'form-card question' },
          h(
            'label',
            { for: 'q-email', class: 'question-title' },
            'Email',
            h('span', { class: 'required' }, ' *'),
          ),
          h('input', {
            id: 'q-email',
            name: '__email',
            type: 'email',
            value: this.email(),
            autocomplete: 'email',
          }),
        ),
      );
    }
    for (const item of form.items) formEl.appendChild(this.question(item));
    formEl.appendChild(
      h(
        'div',
        { class: 'form-actions' },
        error ? h('p', { class: 'form-error', role: 'alert' }, error) : null,
        h('button', { type: 'submit', class: 'primary' }, 'Submit'),
      ),
    );
    formEl.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit(form, formEl);
    });
    this.element.appendChild(formEl);
  }

  private question(item: FormDescription['items'][number]): HTMLElement {
    const id = `q-${item.id}`;
    const title = h(
      'span',
      { class: 'question-title', id: `${id}-title` },
      item.title,
      item.required ? h('span', { class: 'required' }, ' *') : null,
    );
    const box = h('div', { class: 'form-card question', 'data-question': item.title });
    if (item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX') {
      const group = h('fieldset', { 'aria-labelledby': `${id}-title` }, h('legend', {}, title));
      if (item.helpText) group.appendChild(h('p', { class: 'help' }, item.helpText));
      item.choices.forEach((choice, i) => {
        const inputId = `${id}-${i}`;
        group.appendChild(
          h(
            'label',
            { class: 'choice', for: inputId },
            h('input', {
              id: inputId,
              type: item.type === 'CHECKBOX' ? 'checkbox' : 'radio',
              name: item.title,
              value: choice,
            }),
            ` ${choice}`,
          ),
        );
      });
      box.appendChild(group);
      return box;
    }
    box.appendChild(h('label', { for: id }, title));
    if (item.helpText) box.appendChild(h('p', { class: 'help' }, item.helpText));
    if (item.type === 'LIST') {
      const select = h('select', { id, name: item.title }, h('option', { value: '' }, 'Choose'));
      for (const c of item.choices) select.appendChild(h('option', { value: c }, c));
      box.appendChild(select);
    } else if (item.type === 'PARAGRAPH_TEXT') {
      box.appendChild(h('textarea', { id, name: item.title, rows: 3 }));
    } else {
      box.appendChild(h('input', { id, name: item.title, type: 'text' }));
    }
    return box;
  }

  /**
   * Google's form page checks every question before sending: each required one left empty (spaces
   * count as empty) turns red with "This is a required question" under it, all at once, and the page
   * goes to the first. Returns false when any was marked; nothing is sent then.
   */
  private checkRequired(
    form: FormDescription,
    formEl: HTMLFormElement,
    answers: Record<string, string | string[]>,
    email: string,
  ): boolean {
    for (const old of formEl.querySelectorAll('.question-error')) old.remove();
    for (const card of formEl.querySelectorAll('.question.has-error')) card.classList.remove('has-error');
    const problems: { card: Element | null; message: string }[] = [];
    if (form.collectEmail && email.trim() === '')
      problems.push({
        card: formEl.querySelector('#q-email')?.closest('.question') ?? null,
        message: REQUIRED,
      });
    else if (form.collectEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.push({
        card: formEl.querySelector('#q-email')?.closest('.question') ?? null,
        message: 'Must be a valid email address',
      });
    for (const item of form.items) {
      const answer = answers[item.title];
      const empty = Array.isArray(answer) ? answer.length === 0 : String(answer ?? '').trim() === '';
      if (item.required && empty)
        problems.push({
          card: formEl.querySelector(`.question[data-question="${CSS.escape(item.title)}"]`),
          message: REQUIRED,
        });
    }
    for (const { card, message } of problems) {
      card?.classList.add('has-error');
      card?.appendChild(h('p', { class: 'question-error', role: 'alert' }, message));
    }
    const first = problems[0]?.card;
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.querySelector<HTMLElement>('input, textarea, select')?.focus();
    }
    return problems.length === 0;
  }

  private async submit(form: FormDescription, formEl: HTMLFormElement): Promise<void> {
    const data = new FormData(formEl);
    const answers: Record<string, string | string[]> = {};
    for (const item of form.items) {
      if (item.type === 'CHECKBOX') answers[item.title] = data.getAll(item.title).map(String);
      else answers[item.title] = String(data.get(item.title) ?? '');
    }
    const email = String(data.get('__email') ?? '');
    if (!this.checkRequired(form, formEl, answers, email)) return;
    const button = formEl.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    const reply = await api.submitForm(email, answers, this.url);
    this.changed();
    if (!reply.ok) {
      this.render(form, reply.error);
      // Keep what the person typed.
      for (const [key, value] of data.entries()) {
        const field = this.element.querySelector<HTMLInputElement>(`[name="${CSS.escape(key)}"]`);
        if (field && (field.type === 'radio' || field.type === 'checkbox')) {
          const option = this.element.querySelector<HTMLInputElement>(
            `[name="${CSS.escape(key)}"][value="${CSS.escape(String(value))}"]`,
          );
          if (option) option.checked = true;
        } else if (field) field.value = String(value);
      }
      return;
    }
    clear(this.element);
    this.element.appendChild(
      h(
        'div',
        { class: 'form-card form-header', 'data-testid': 'form-confirmation' },
        h('h1', {}, form.title),
        h('p', {}, reply.confirmation),
        h(
          'a',
          { href: '#', onclick: (e: Event) => (e.preventDefault(), this.render(form)) },
          'Submit another response',
        ),
      ),
    );
  }
}
