/**
 * Verify audit log over a large change log, on its own (the full bench measures it at each register
 * size through bench/operations-ops.ts; this one goes straight to a million rows):
 *
 *   WO_VERIFY_ROWS=1000000 node --import tsx bench/verify-audit.ts
 *
 * The log is written into a set-up spreadsheet as the add-on writes it (keyed chain, checkpoint), then
 * *Verify audit log* runs through dist/Code.js. Printed: reads, cells read, the cost model's estimate
 * of Google's side, and the script's own CPU time (the HMAC chain itself), which the cost model scales
 * by its jsFactor (bench/cost-model.ts, WO_COST_JS_FACTOR).
 */
import crypto from 'node:crypto';
import { LocalAppsScript } from '../runtime';
import { canonicalContent, GENESIS_HASH } from '../src/core/audit';
import { actionCells, toActions } from '../src/core/change-log-row';
import { keyedCell } from '../src/core/keyed-chain';
import { SHEET_NAMES } from '../src/core/model';
import { ADDON_SECRET_KEY } from '../src/server/adapters/addon-secret';
import { CHECKPOINT_KEY } from '../src/server/adapters/change-log-tail';
import { costModelFromEnv, countsOf } from './cost-model';
import { estimateParts } from './pricing';

const ADMIN = 'ada.admin@bench.example';
/** Apps Script's execution limit. */
const LIMIT_MS = 6 * 60_000;
const BUDGET_MS = 5 * 60_000;

export interface VerifyFigures {
  rows: number;
  ok: boolean;
  reads: number;
  cellsRead: number;
  serviceEstimateMs: number;
  /** The script's own CPU time, ms. */
  localMs: number;
  jsFactor: number;
  estimateMs: number;
  budgetMs: number;
}

export async function measureVerify(rows: number): Promise<VerifyFigures> {
  const rt = LocalAppsScript.load();
  try {
    const ssId = rt.createSpreadsheet('Verify bench', ADMIN);
    const setup = await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders');
    if (!setup.ok) throw new Error(`setup failed: ${setup.error?.message}`);
    const props = rt.world.properties.document(ssId);
    const secret = props.get(ADDON_SECRET_KEY);
    if (!secret) throw new Error('setup made no add-on secret');
    const start = Date.UTC(2024, 0, 1);
    const users = ['sam.supervisor@bench.example', 'tina.tech@bench.example', 'rita@bench.example'];
    const actions = toActions(
      Array.from({ length: rows }, (_, i) => ({
        at: new Date(start + i * 61_000),
        user: users[i % users.length] as string,
        source: (['sidebar', 'sheet edit', 'form'] as const)[i % 3] as 'sidebar',
        recordId: `REQ-${String(1 + (i % 100_000)).padStart(6, '0')}`,
        field: 'Status',
        oldValue: 'Assigned',
        newValue: 'In Progress',
      })),
    );
    let head = GENESIS_HASH;
    const cells = actions.map((action, i) => {
      head = crypto
        .createHmac('sha256', secret)
        .update(`${head}\n${i + 1}\n`)
        .update(canonicalContent(action))
        .digest('hex');
      return actionCells(action, keyedCell(i + 1, head)).map((v) =>
        typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v,
      );
    });
    rt.world.spreadsheets
      .require(ssId)
      .requireSheet(SHEET_NAMES.changeLog)
      .writeValues(2, 1, cells as never);
    props.set(
      CHECKPOINT_KEY,
      JSON.stringify({
        legacyRows: 0,
        legacyHead: GENESIS_HASH,
        seq: rows,
        head,
        row: rows + 1,
        maxRows: null,
      }),
    );
    const run = await rt.runMenuItem(ssId, ADMIN, 'verifyAuditLog');
    if (!run.ok) throw new Error(`verify failed: ${run.error?.message}`);
    const counts = countsOf(run.stats, run.kind);
    const model = costModelFromEnv();
    const parts = estimateParts(counts, model);
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    return {
      rows,
      ok: (run.value as { ok?: boolean }).ok === true,
      reads: counts.reads,
      cellsRead: counts.cellsRead,
      serviceEstimateMs: total - (parts.javascript ?? 0),
      localMs: counts.scriptMs,
      jsFactor: model.jsFactor,
      estimateMs: total,
      budgetMs: BUDGET_MS,
    };
  } finally {
    await rt.close();
  }
}

export function describeVerify(f: VerifyFigures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `verify audit log over ${f.rows.toLocaleString('en-US')} log rows: ${f.ok ? 'OK' : 'NOT OK'}, ` +
    `${f.reads} Spreadsheet reads, ${f.cellsRead.toLocaleString('en-US')} cells read; ` +
    `Google side ${s(f.serviceEstimateMs)} (cost model) + JavaScript ${s(f.localMs)} × ${f.jsFactor} = ` +
    `${s(f.estimateMs)} estimated (budget ${s(f.budgetMs)}, limit ${s(LIMIT_MS)}): ` +
    `${f.estimateMs <= f.budgetMs ? 'within' : 'OVER'} budget`
  );
}

if (process.argv[1]?.endsWith('verify-audit.ts')) {
  const rows = Number(process.env.WO_VERIFY_ROWS ?? 1_000_000);
  measureVerify(rows).then(
    (f) => {
      process.stdout.write(`${describeVerify(f)}\n`);
      if (!f.ok || f.estimateMs > f.budgetMs) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
