/** The workbench server's JSON API, as the browser sees it. */
import type { CellFormat, ChartView, Rect, SheetView } from '../shared/views';

export type { CellFormat, ChartView, Rect, SheetView };

export interface Person {
  email: string;
  name: string;
  role: string;
}

export interface StateReply {
  revision: number;
  seq: number;
  spreadsheetName: string;
  formTitle: string;
  now: number;
  timeZone: string;
  people: Person[];
  outboxCount: number;
  inboxCount: number;
  sheets: string[];
  registerSheet: string;
}

export type EditReply =
  | { ok: true; a1: string; triggerFailures: { entry: string; message: string }[] }
  | { ok: false; confirm: string[] }
  | { ok: false; refused: string; reason: string };

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export type UiEvent =
  | { seq: number; kind: 'sidebar'; title: string; width: number; url: string }
  | { seq: number; kind: 'dialog'; title: string; modal: boolean; width: number; height: number; url: string }
  | { seq: number; kind: 'alert'; title: string; prompt: string; buttons: string; response: string }
  | {
      seq: number;
      kind: 'prompt';
      title: string;
      prompt: string;
      buttons: string;
      response: string;
      text: string;
    }
  | { seq: number; kind: 'toast'; title: string; message: string; timeoutSeconds: number };

export interface FormDescription {
  id: string;
  title: string;
  description: string;
  collectEmail: boolean;
  acceptingResponses: boolean;
  confirmationMessage: string;
  items: {
    id: number;
    type: string;
    title: string;
    helpText: string;
    required: boolean;
    choices: string[];
  }[];
}

export interface MailSummary {
  index: number;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  at: number;
  when: string;
  html: boolean;
}

export class ApiError extends Error {}

async function call<T>(method: 'GET' | 'POST', path: string, data: Record<string, unknown> = {}): Promise<T> {
  let url = `/wb/api/${path}`;
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json' } };
  if (method === 'GET') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(data)) if (v !== undefined && v !== null) query.set(k, String(v));
    const text = query.toString();
    if (text) url += `?${text}`;
  } else init.body = JSON.stringify(data);
  const response = await fetch(url, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new ApiError(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

export const api = {
  state: (user: string) => call<StateReply>('GET', 'state', { user }),
  sheet: (name: string, row: number, rows: number, user: string) =>
    call<SheetView>('GET', 'sheet', { name, row, rows, user }),
  edit: (request: {
    user: string;
    sheet: string;
    row: number;
    column: number;
    values: string[][];
    confirmed?: boolean;
  }) => call<EditReply>('POST', 'edit', request),
  menu: (user: string) =>
    call<{ title: string; items: MenuEntry[]; failures: { message: string }[] }>('GET', 'menu', { user }),
  runMenu: (user: string, functionName: string) =>
    call<{ ok: boolean; error: string | null }>('POST', 'menu', { user, functionName }),
  events: (user: string, since: number) =>
    call<{ seq: number; revision: number; events: UiEvent[] }>('GET', 'events', { user, since }),
  /** The intake form, or the form a link (`url`) names. */
  form: (url?: string) => call<FormDescription>('GET', 'form', { url }),
  submitForm: (email: string, answers: Record<string, string | string[]>, url?: string) =>
    call<
      | { ok: true; confirmation: string; triggerFailures: { entry: string; message: string }[] }
      | { ok: false; error: string }
    >('POST', 'form', { email, answers, url }),
  outbox: () => call<{ mails: MailSummary[] }>('GET', 'outbox'),
  time: (step: 'hour' | 'day') =>
    call<{
      now: number;
      ran: { entry: string; ok: boolean }[];
      failures: { entry: string; message: string }[];
    }>('POST', 'time', { step }),
};
