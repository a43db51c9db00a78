/**
 * What users would see on screen, recorded so tests and the local workbench can look at it: menus,
 * sidebars, dialogs, alerts, prompts, toasts. Alerts and prompts need an answer: it comes from
 * queued answers (`respondWith`) or, failing that, the `responder` (default: the first button).
 */
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export type ButtonName = keyof typeof Button;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons each ButtonSet shows, in screen order. */
export const BUTTONS_OF: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

interface Seen {
  spreadsheetId: string;
  /** The user at the keyboard who sees it. */
  user: string;
  /** The execution that showed it (absent when another service records without one). */
  executionId?: number;
}

export interface MenuEvent extends Seen {
  kind: 'menu';
  /** The menu's title; for an add-on menu, the add-on's name. */
  title: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface SidebarEvent extends Seen {
  kind: 'sidebar';
  title: string;
  html: string;
  width: number;
}
export interface DialogEvent extends Seen {
  kind: 'dialog';
  modal: boolean;
  title: string;
  html: string;
  width: number;
  height: number;
}
export interface AlertEvent extends Seen {
  kind: 'alert';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
}
export interface PromptEvent extends Seen {
  kind: 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
  text: string;
}
export interface ToastEvent {
  kind: 'toast';
  spreadsheetId: string;
  user: string;
  message: string;
  title: string;
  timeoutSeconds: number;
  executionId?: number;
}
export type UiEvent = MenuEvent | SidebarEvent | DialogEvent | AlertEvent | PromptEvent | ToastEvent;
/** A recorded event, with its place in the order things appeared. */
export type RecordedUiEvent = UiEvent & { seq: number };

export interface UiQuestion {
  kind: 'alert' | 'prompt';
  spreadsheetId: string;
  user: string;
  title: string;
  prompt: string;
  buttons: ButtonSetName;
}
export interface UiAnswer {
  button: ButtonName;
  /** What the user typed into a prompt. */
  text?: string;
}

export type Responder = (question: UiQuestion) => UiAnswer;

export const defaultResponder: Responder = (question) => ({
  button: BUTTONS_OF[question.buttons][0]!,
  text: '',
});

export class UiRecorder {
  readonly events: RecordedUiEvent[] = [];
  /** The add-on's name, which Google uses as the title of its add-on menu. */
  addonName = 'Work Orders';
  responder: Responder = defaultResponder;
  private readonly queued: UiAnswer[] = [];
  private seq = 0;

  record(event: UiEvent): RecordedUiEvent {
    const recorded = { ...event, seq: ++this.seq } as RecordedUiEvent;
    this.events.push(recorded);
    return recorded;
  }

  /** Answers for the next alerts/prompts, in order; the responder answers once they run out. */
  respondWith(...answers: UiAnswer[]): void {
    this.queued.push(...answers);
  }

  /** The user's answer to an alert or prompt (a button of the set shown, or a host error). */
  answer(question: UiQuestion): UiAnswer {
    const answer = this.queued.shift() ?? this.responder(question);
    // Closing the dialog with its X answers CLOSE, whatever the button set.
    const allowed: string[] = [...BUTTONS_OF[question.buttons], 'CLOSE'];
    if (!allowed.includes(answer.button)) {
      throw new Error(`UiRecorder: answer ${answer.button} is not a button of ${question.buttons}`);
    }
    return answer;
  }

  ofKind<K extends UiEvent['kind']>(kind: K): (RecordedUiEvent & { kind: K })[] {
    return this.events.filter((e): e is RecordedUiEvent & { kind: K } => e.kind === kind);
  }

  private seenBy<K extends UiEvent['kind']>(
    kind: K,
    spreadsheetId: string,
    user?: string,
  ): (RecordedUiEvent & { kind: K })[] {
    return this.ofKind(kind).filter(
      (e) => e.spreadsheetId === spreadsheetId && (user === undefined || e.user === user),
    );
  }

  /** The menus the user has in this spreadsheet: the latest of each title, the add-on menu first. */
  menusFor(spreadsheetId: string, user: string): (MenuEvent & { seq: number })[] {
    const latest = new Map<string, MenuEvent & { seq: number }>();
    for (const menu of this.seenBy('menu', spreadsheetId, user)) {
      const key = `${menu.addon ? 'addon' : 'menu'}:${menu.title}`;
      latest.delete(key);
      latest.set(key, menu);
    }
    return [...latest.values()].sort((a, b) => Number(b.addon) - Number(a.addon));
  }
  /** The add-on menu's entries for this user, or null if onOpen never built it. */
  addonMenuFor(spreadsheetId: string, user: string): MenuEntry[] | null {
    return this.menusFor(spreadsheetId, user).find((m) => m.addon)?.items ?? null;
  }
  lastSidebar(spreadsheetId: string, user?: string): (SidebarEvent & { seq: number }) | null {
    return this.seenBy('sidebar', spreadsheetId, user).at(-1) ?? null;
  }
  lastDialog(spreadsheetId: string, user?: string): (DialogEvent & { seq: number }) | null {
    return this.seenBy('dialog', spreadsheetId, user).at(-1) ?? null;
  }
  alerts(spreadsheetId: string, user?: string): (AlertEvent & { seq: number })[] {
    return this.seenBy('alert', spreadsheetId, user);
  }
  prompts(spreadsheetId: string, user?: string): (PromptEvent & { seq: number })[] {
    return this.seenBy('prompt', spreadsheetId, user);
  }
  toasts(spreadsheetId: string, user?: string): (ToastEvent & { seq: number })[] {
    return this.seenBy('toast', spreadsheetId, user);
  }
  clear(): void {
    this.events.length = 0;
    this.queued.length = 0;
  }
  /** What was shown, as plain data (runtime/persistence.ts); queued answers are not kept. */
  exportState(): { seq: number; events: RecordedUiEvent[] } {
    return { seq: this.seq, events: structuredClone(this.events) };
  }
  importState(state: { seq: number; events: readonly RecordedUiEvent[] }): void {
    this.clear();
    this.seq = state.seq;
    this.events.push(...structuredClone(state.events));
  }
}
