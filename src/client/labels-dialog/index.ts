/**
 * The request labels dialog: one card per active asset and per location, each with a QR code of the
 * intake form's pre-filled link, drawn here by qrcode-generator (bundled into the page: no request goes
 * to any other service). Print uses the page's print stylesheet: the toolbar is hidden, three labels
 * across, none split by a page break. Text goes in as text nodes only.
 */
import qrcode from 'qrcode-generator';
import { isLabelsReply, type Label, type LabelsLoadResponse } from '../../shared/labels';
import { statusLine } from '../shared/status-line';
import { serverFailed } from '../shared/server-call';

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  labelsLoad(): void;
}
declare const google: { script: { run: Runner } };

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
};

const ui = {
  intro: byId('intro'),
  sheet: byId('sheet'),
  show: byId<HTMLSelectElement>('show'),
  print: byId<HTMLButtonElement>('print'),
};
const { say, complain } = statusLine(byId('status'), byId('error'));

function load(): Promise<LabelsLoadResponse> {
  return new Promise((resolve) => {
    google.script.run
      .withSuccessHandler((value) =>
        resolve(
          isLabelsReply(value)
            ? value
            : { ok: false, message: 'The server sent a reply the labels dialog does not understand.' },
        ),
      )
      .withFailureHandler((error) => resolve({ ok: false, message: serverFailed(error.message) }))
      .labelsLoad();
  });
}

/** The QR code of `url` as an SVG element (error correction M: a label survives a scuff). */
export function qrSvg(url: string): { svg: string; modules: number } {
  const code = qrcode(0, 'M');
  code.addData(url, 'Byte');
  code.make();
  return {
    svg: code.createSvgTag({ cellSize: 4, margin: 2, scalable: true }),
    modules: code.getModuleCount(),
  };
}

function text(tag: string, className: string, value: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = value;
  return node;
}

function labelCard(label: Label, organizationName: string): HTMLElement {
  const card = document.createElement('article');
  card.className = 'label';
  card.dataset.kind = label.kind;
  card.dataset.url = label.url;
  const qr = document.createElement('div');
  qr.className = 'qr';
  const drawn = qrSvg(label.url);
  // The library's own markup: rectangles and a path computed from the link, no text of ours in it.
  qr.innerHTML = drawn.svg;
  qr.dataset.modules = String(drawn.modules);
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', `QR code: request maintenance for ${label.title}`);
  card.append(
    qr,
    text('div', 'title', label.title),
    text('div', 'subtitle', label.subtitle),
    text('div', 'scan', 'Scan to request maintenance'),
    text('div', 'org', organizationName),
  );
  return card;
}

function applyFilter(): void {
  const show = ui.show.value;
  for (const card of Array.from(ui.sheet.children) as HTMLElement[])
    card.hidden = show !== 'all' && card.dataset.kind !== show;
}

async function start(): Promise<void> {
  const reply = await load();
  ui.sheet.setAttribute('aria-busy', 'false');
  if (!reply.ok) {
    ui.intro.textContent = '';
    complain(reply.message);
    return;
  }
  const assets = reply.labels.filter((l) => l.kind === 'asset').length;
  const locations = reply.labels.length - assets;
  ui.intro.textContent =
    `${assets} asset label(s) and ${locations} location label(s). Scanning one opens the request form ` +
    'with its location (and asset) already filled in.';
  ui.sheet.replaceChildren(...reply.labels.map((l) => labelCard(l, reply.organizationName)));
  ui.print.disabled = reply.labels.length === 0;
  if (reply.labels.length === 0)
    say('Nothing to print: add assets on the Assets tab or locations in Settings.');
}

ui.show.addEventListener('change', applyFilter);
ui.print.addEventListener('click', () => window.print());
void start();
