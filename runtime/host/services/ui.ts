import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { enumArg, overload, signatureError } from '../args';
import { gasEnum } from '../gas-enum';
import type { GasEnumValue } from '../gas-enum';
import { HtmlOutput } from './html';
import { Button, ButtonSet } from './ui-recorder';
import type { ButtonName, ButtonSetName, MenuEntry } from './ui-recorder';

export { UiRecorder, Button, ButtonSet, BUTTONS_OF, defaultResponder } from './ui-recorder';
/** The enums as scripts see them (objects: ../gas-enum.ts). */
const BUTTON = gasEnum('Ui.Button', Button);
const BUTTON_SET = gasEnum('Ui.ButtonSet', ButtonSet);

export type {
  ButtonName,
  ButtonSetName,
  MenuEntry,
  MenuEvent,
  SidebarEvent,
  DialogEvent,
  AlertEvent,
  PromptEvent,
  ToastEvent,
  UiEvent,
  RecordedUiEvent,
  UiQuestion,
  UiAnswer,
  Responder,
} from './ui-recorder';

export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

/** Reference (Ui.showSidebar): the sidebar is 300 pixels wide, whatever width the output asks for. */
export const SIDEBAR_WIDTH = 300;

/**
 * Whether anybody is looking at the document: not in a time-driven or form-submit trigger, which run
 * on Google's servers with no editor open (getUi() throws there), nor without an open document.
 */
export function uiAvailable(ctx: ExecutionContext): boolean {
  if (ctx.activeSpreadsheetId === null) return false;
  if (ctx.kind !== 'installable-trigger') return true;
  const trigger = ctx.triggerUid === null ? undefined : ctx.world.triggers.byUid(ctx.triggerUid);
  return (
    trigger !== undefined &&
    (trigger.eventType === 'ON_OPEN' || trigger.eventType === 'ON_EDIT' || trigger.eventType === 'ON_CHANGE')
  );
}

/**
 * `SpreadsheetApp.getUi()`. Throws Google's message where there is no user interface, which is
 * where Apps Script throws it too: at getUi(), before any alert.
 */
export function createUi(ctx: ExecutionContext): GasObject {
  if (!uiAvailable(ctx)) throw new GasError(NO_UI_MESSAGE);
  return new Ui(ctx, ctx.activeSpreadsheetId!);
}

class Ui extends GasObject {
  readonly gasClass = 'Ui';
  readonly gasService = 'Ui' as const;
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly spreadsheetId: string,
  ) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return { Button: BUTTON, ButtonSet: BUTTON_SET };
  }

  /** Reference: an add-on's menu sits under Extensions, titled with the add-on's name. */
  createAddonMenu(): Menu {
    overload(this.gasClass, 'createAddonMenu', arguments, []);
    return new Menu(this.ctx, this.spreadsheetId, this.ctx.world.ui.addonName, true);
  }
  createMenu(caption: string): Menu {
    overload(this.gasClass, 'createMenu', arguments, ['string']);
    return new Menu(this.ctx, this.spreadsheetId, caption, false);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this._expectHtml('showSidebar', arguments, 1);
    this.ctx.world.ui.record({
      kind: 'sidebar',
      ...this._seen(),
      title: userInterface.getTitle(),
      html: userInterface.getContent(),
      width: SIDEBAR_WIDTH,
    });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._expectHtml('showModalDialog', arguments, 2);
    this._dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._expectHtml('showModelessDialog', arguments, 2);
    this._dialog(userInterface, title, false);
  }

  /** alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons) → the Button pressed. */
  alert(...args: unknown[]): GasEnumValue {
    const q = this._question('alert', args);
    const answer = this.ctx.world.ui.answer(q);
    this.ctx.world.ui.record({ ...q, kind: 'alert', ...this._seen(), response: answer.button });
    return BUTTON.value(answer.button);
  }

  /** prompt(prompt) · prompt(prompt, buttons) · prompt(title, prompt, buttons) → PromptResponse. */
  prompt(...args: unknown[]): PromptResponse {
    const q = this._question('prompt', args);
    const answer = this.ctx.world.ui.answer(q);
    const text = answer.text ?? '';
    this.ctx.world.ui.record({ ...q, kind: 'prompt', ...this._seen(), response: answer.button, text });
    return new PromptResponse(answer.button, text);
  }

  private _seen(): { spreadsheetId: string; user: string; executionId: number } {
    return {
      spreadsheetId: this.spreadsheetId,
      user: this.ctx.activeUserEmail,
      executionId: this.ctx.executionId,
    };
  }

  private _dialog(output: HtmlOutput, title: string, modal: boolean): void {
    this.ctx.world.ui.record({
      kind: 'dialog',
      modal,
      ...this._seen(),
      title,
      html: output.getContent(),
      width: output.getWidth(),
      height: output.getHeight(),
    });
  }

  private _expectHtml(method: string, args: IArguments, count: number): void {
    const ok =
      args.length === count && args[0] instanceof HtmlOutput && (count === 1 || typeof args[1] === 'string');
    if (!ok) throw signatureError(this.gasClass, method, args);
  }

  private _question(
    kind: 'alert' | 'prompt',
    args: unknown[],
  ): {
    kind: 'alert' | 'prompt';
    spreadsheetId: string;
    user: string;
    title: string;
    prompt: string;
    buttons: ButtonSetName;
  } {
    const which = overload(
      this.gasClass,
      kind,
      args,
      ['string'],
      ['string', 'enum'],
      ['string', 'string', 'enum'],
    );
    const a = args as string[];
    const [title, prompt] = which === 2 ? [a[0]!, a[1]!] : ['', a[0]!];
    const buttons = which === 0 ? 'OK' : enumArg(this.gasClass, kind, args, BUTTON_SET, args[which]);
    return {
      kind,
      spreadsheetId: this.spreadsheetId,
      user: this.ctx.activeUserEmail,
      title,
      prompt,
      buttons,
    };
  }
}

class PromptResponse extends GasObject {
  readonly gasClass = 'PromptResponse';
  readonly gasService = 'Ui' as const;
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {
    super();
  }
  getSelectedButton(): GasEnumValue {
    return BUTTON.value(this.button);
  }
  getResponseText(): string {
    return this.text;
  }
}

/** A menu being built; nothing is shown until `addToUi()`. */
export class Menu extends GasObject {
  readonly gasClass = 'Menu';
  readonly gasService = 'Ui' as const;
  private readonly items: MenuEntry[] = [];
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly spreadsheetId: string,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    overload(this.gasClass, 'addItem', arguments, ['string', 'string']);
    this.items.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    overload(this.gasClass, 'addSeparator', arguments, []);
    this.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): this {
    if (arguments.length !== 1 || !(menu instanceof Menu))
      throw signatureError(this.gasClass, 'addSubMenu', arguments);
    this.items.push({ kind: 'submenu', caption: menu.caption, items: menu._entries() });
    return this;
  }
  addToUi(): void {
    overload(this.gasClass, 'addToUi', arguments, []);
    this.ctx.world.ui.record({
      kind: 'menu',
      spreadsheetId: this.spreadsheetId,
      user: this.ctx.activeUserEmail,
      executionId: this.ctx.executionId,
      title: this.caption,
      addon: this.addon,
      items: this._entries(),
    });
  }
  _entries(): MenuEntry[] {
    return structuredClone(this.items);
  }
}
