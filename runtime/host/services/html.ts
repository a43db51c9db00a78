import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { asText, enumArg, overload } from '../args';
import { gasEnum } from '../gas-enum';
import type { GasEnumValue } from '../gas-enum';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
/** The enums as scripts see them (objects: ../gas-enum.ts). */
const SANDBOX_MODE = gasEnum('HtmlService.SandboxMode', SandboxMode);
const X_FRAME_OPTIONS_MODE = gasEnum('HtmlService.XFrameOptionsMode', XFrameOptionsMode);

/**
 * Initial frame size when the script sets none. Google does not document it; Sheets opens such a
 * dialog at about 600 x 400, and a sidebar is always 300 px wide whatever the output says.
 */
export const DEFAULT_DIALOG_WIDTH = 600;
export const DEFAULT_DIALOG_HEIGHT = 400;

class HtmlServiceService extends GasObject {
  readonly gasClass = 'HtmlService';
  readonly gasService = 'Html' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return { SandboxMode: SANDBOX_MODE, XFrameOptionsMode: X_FRAME_OPTIONS_MODE };
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    overload(this.gasClass, 'createHtmlOutput', arguments, [], ['string']);
    return new HtmlOutput(html === undefined ? '' : asText(html));
  }
  /** Reads a project file (`Sidebar` or `Sidebar.html`); a missing one fails as it does on Google. */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    overload(this.gasClass, 'createHtmlOutputFromFile', arguments, ['string']);
    const name = filename.endsWith('.html') ? filename.slice(0, -'.html'.length) : filename;
    const content = this.ctx.world.htmlFiles[name];
    if (content === undefined) throw new GasError(`No HTML file named ${name} was found.`);
    return new HtmlOutput(content);
  }
}

export class HtmlOutput extends GasObject {
  readonly gasClass = 'HtmlOutput';
  readonly gasService = 'Html' as const;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: keyof typeof SandboxMode = SandboxMode.IFRAME;
  private xFrameOptionsMode: keyof typeof XFrameOptionsMode = XFrameOptionsMode.DEFAULT;
  private faviconUrl: string | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(private content: string) {
    super();
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    overload(this.gasClass, 'setContent', arguments, ['string']);
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    overload(this.gasClass, 'append', arguments, ['string']);
    this.content += addedContent;
    return this;
  }
  /** Appends text escaped as HTML, so user data cannot inject markup. */
  appendUntrusted(addedContent: string): this {
    overload(this.gasClass, 'appendUntrusted', arguments, ['string']);
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    overload(this.gasClass, 'setTitle', arguments, ['string']);
    this.title = title;
    return this;
  }
  getWidth(): number {
    return this.width ?? DEFAULT_DIALOG_WIDTH;
  }
  setWidth(width: number): this {
    overload(this.gasClass, 'setWidth', arguments, ['number']);
    this.width = Math.trunc(width);
    return this;
  }
  getHeight(): number {
    return this.height ?? DEFAULT_DIALOG_HEIGHT;
  }
  setHeight(height: number): this {
    overload(this.gasClass, 'setHeight', arguments, ['number']);
    this.height = Math.trunc(height);
    return this;
  }
  /** Reference: only IFRAME exists any more; other modes are accepted and ignored. */
  setSandboxMode(mode: unknown): this {
    overload(this.gasClass, 'setSandboxMode', arguments, ['enum']);
    enumArg(this.gasClass, 'setSandboxMode', arguments, SANDBOX_MODE, mode);
    this.sandboxMode = SandboxMode.IFRAME;
    return this;
  }
  getSandboxMode(): GasEnumValue {
    return SANDBOX_MODE.value(this.sandboxMode);
  }
  setXFrameOptionsMode(mode: unknown): this {
    overload(this.gasClass, 'setXFrameOptionsMode', arguments, ['enum']);
    this.xFrameOptionsMode = enumArg(
      this.gasClass,
      'setXFrameOptionsMode',
      arguments,
      X_FRAME_OPTIONS_MODE,
      mode,
    );
    return this;
  }
  getXFrameOptionsMode(): GasEnumValue {
    return X_FRAME_OPTIONS_MODE.value(this.xFrameOptionsMode);
  }
  addMetaTag(name: string, content: string): this {
    overload(this.gasClass, 'addMetaTag', arguments, ['string', 'string']);
    this.metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): { name: string; content: string }[] {
    return this.metaTags.map((tag) => ({ ...tag }));
  }
  setFaviconUrl(iconUrl: string): this {
    overload(this.gasClass, 'setFaviconUrl', arguments, ['string']);
    this.faviconUrl = iconUrl;
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
}

export function escapeHtml(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

export function createHtmlService(ctx: ExecutionContext): GasObject {
  return new HtmlServiceService(ctx);
}
