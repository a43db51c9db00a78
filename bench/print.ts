/** The printed form of the benchmark: one table, then compute, capacity, cold start and budgets. */
import type { BenchResult } from './main';
import type { ResultRow } from './results';
import {
  WORK_RECORDS_PER_ORDER,
  capacityWith,
  capacityWithWorkRecords,
  workRecordCellsPerOrder,
} from './capacity';
import { describeColdStart, describeBundlePrice } from './cold-start';
import { describeScriptSpread } from './median-run';
import { TIME_BUDGETS_MS } from './budgets';
import { estimateParts } from './pricing';
import { describeQuotas } from './quotas';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** A plain-text table (the standalone bench scripts print theirs with it too). */
export function table(headers: string[], lines: string[][], rightAlign: (i: number) => boolean): string {
  const all = [headers, ...lines];
  const widths = headers.map((_, i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  const fmt = (l: string[]) =>
    l
      .map((cell, i) => (rightAlign(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

function rowCells(r: ResultRow): string[] {
  const c = r.counts;
  const naive = r.naive;
  const ratio =
    naive?.ok && r.ok && r.estimatedMs > 0
      ? `${(naive.estimatedMs / r.estimatedMs).toFixed(naive.estimatedMs / r.estimatedMs >= 10 ? 0 : 1)}×`
      : '';
  return [
    int(r.size),
    r.operation,
    r.ok ? 'ok' : r.skipped ? 'skip' : 'FAIL',
    int(c.reads),
    int(c.cachedReads),
    int(c.writes),
    int(c.otherCalls),
    int(c.cellsRead),
    int(c.cellsWritten),
    int(c.emails),
    int(r.scriptMs),
    r.extra.lockHoldMs > 0 ? secs(r.extra.lockHoldMs) : '',
    secs(r.estimatedMs),
    naive ? `${secs(naive.estimatedMs)}${naive.extrapolated ? '*' : ''}${naive.ok ? '' : '!'}` : '',
    ratio,
  ];
}

export function printReport(result: BenchResult): void {
  const m = result.costModel;
  console.log(`Work Orders benchmark — commit ${result.commit}, Node ${result.node}, ${result.at}`);
  console.log(
    `Cost model (bench/cost-model.ts: each figure's source, ASSUMPTION where none): first touch ${m.firstTouchMs} ms, ` +
      `read ${m.readCallMs} ms (${m.cachedReadMs} ms from the read cache), write ${m.writeCallMs} ms, ` +
      `${m.cellReadUs} µs/cell read, ${m.cellWrittenUs} µs/cell written, ${m.structuralCellUs} µs/structural cell, ` +
      `flush ${m.flushMs} ms, ${m.emailMs} ms/email, property get/set ${m.propertyReadMs}/${m.propertyWriteMs} ms, ` +
      `cache get/put ${m.cacheReadMs}/${m.cacheWriteMs} ms, lock call ${m.lockCallMs} ms, other round trip ${m.otherCallMs} ms, ` +
      `browser round trip ${m.clientRoundTripMs} ms, JavaScript × ${m.jsFactor}, bundle load ${m.bundleLoadMs.toFixed(0)} ms ` +
      `per execution (naive baseline's bundle: ${result.naiveBundleLoadMs.toFixed(0)} ms)`,
  );
  for (const [size, notes] of Object.entries(result.worldNotes)) {
    for (const note of notes) console.log(`World of ${int(Number(size))}: ${note}.`);
  }
  console.log('');
  const headers = [
    'orders',
    'operation',
    'ok',
    'sheet reads',
    'cached',
    'sheet writes',
    'other calls',
    'cells read',
    'cells written',
    'emails',
    'script CPU ms',
    'lock s',
    'est. s',
    'naive est. s',
    'naive/ours',
  ];
  const rows = [...result.rows].sort((a, b) => a.size - b.size);
  console.log(table(headers, rows.map(rowCells), (i) => i !== 1 && i !== 2));
  for (const r of rows.filter((x) => x.note && x.budgetMs !== undefined)) {
    console.log(`${r.operation} at ${int(r.size)}: ${r.note ?? ''}`);
  }
  for (const r of rows.filter((x) => x.scriptSpread)) {
    const s = r.scriptSpread!;
    console.log(
      `${r.operation} at ${int(r.size)}: ${describeScriptSpread(s)}; priced from the median run ` +
        `(× ${m.jsFactor}: ${((s.minMs * m.jsFactor) / 1000).toFixed(2)}–${((s.maxMs * m.jsFactor) / 1000).toFixed(2)} s of JavaScript had one run been taken).`,
    );
  }
  console.log(
    "\nsheet reads/writes: Spreadsheet and Form backend calls; cached: the reads Google's read cache answers (counted in" +
      '\nsheet reads, priced lower); other calls: Properties, Cache, Lock, Script, Ui, Mail quota.' +
      "\nscript CPU ms: the script's own CPU time in the local runtime (its thread's time on a CPU, loading excluded)." +
      '\nlock s: the longest estimated hold of the document lock by one execution (budget 10 s).' +
      '\nnaive: the same operation written the tutorial way (bench/naive/code.ts); * = extrapolated linearly from the two' +
      '\nlargest measured sizes (its per-row loops are linear by construction, and running a million per-cell calls' +
      '\nthrough the runtime would take most of the time budget); ! = a naive run failed.',
  );
  for (const r of rows.filter((x) => !x.ok && !x.skipped)) {
    console.log(`FAILED ${r.operation} at ${int(r.size)}: ${r.error ?? ''}`);
  }
  for (const r of rows.filter((x) => x.skipped))
    console.log(`skipped ${r.operation} at ${int(r.size)}: ${r.note ?? ''}`);
  for (const r of rows.filter((x) => x.naive && !x.naive.ok)) {
    console.log(`naive baseline FAILED ${r.operation} at ${int(r.size)}: ${r.naive?.error ?? ''}`);
  }

  console.log(
    '\nReport computation in Node (computeReports + reportTables over the full history, no thinning):',
  );
  for (const c of result.compute) {
    console.log(
      `  ${int(c.orders)} work orders, ${int(c.changeLogRows)} change-log rows (${int(c.fieldChanges)} field changes): ${int(c.computeMs)} ms`,
    );
  }

  const cap = result.capacity;
  console.log('\nCells and live capacity under the 10,000,000-cell limit:');
  if (cap) {
    console.log(
      `  per 1,000 work orders: register ${int(cap.registerPer1000)} + change log ${int(cap.changeLogPer1000)} ` +
        `(${cap.logRowsPerOrder.toFixed(1)} rows × ${cap.changeLogColumns} columns each) = ${int(cap.registerPer1000 + cap.changeLogPer1000)} cells` +
        `; plus form responses ${int(cap.responsesPer1000)} (${cap.responseColumns} columns per response row)`,
    );
    const b = cap.bytes;
    const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
    console.log(
      `  per 1,000 work orders, the register: ${int(cap.registerPer1000)} cells, ${kb(b.registerPer1000)}; of which the ` +
        `hidden Last Known State ${int(1000)} cells, ${kb(b.statePer1000)} (${b.stateMeanPerRow.toFixed(0)} B a row on average, ` +
        `at most ${b.stateMaxPerRow} B; budget ≤ ${b.budget} B; ${int(b.overBudget)} of ${int(b.rows)} rows over it, ${int(b.version1)} still JSON)`,
    );
    console.log(`  fixed cells (every other tab, spare rows): ${int(cap.fixedCells)}`);
    console.log(
      `  live capacity: ${int(cap.capacity)} work orders with their history and form responses ` +
        `(${int(cap.capacityRegisterAndLog)} counting register and change log only); archiving moves older closed work out.`,
    );
    const per = WORK_RECORDS_PER_ORDER;
    console.log(
      `  with work records, which the generated history has none of (archiving moves an archived order's with it; ASSUMPTION: ` +
        `${per.time} Time entries, ${per.parts} Parts Used entries and a ${per.checklistItems}-item checklist per order, ` +
        `${workRecordCellsPerOrder()} cells): ${int(capacityWithWorkRecords(cap))} work orders.`,
    );
    if (cap.capacity < 100_000) {
      console.log(
        `  Why below 100,000: each work order costs ${(cap.registerColumns + cap.responseColumns + cap.changeLogColumns * cap.logRowsPerOrder).toFixed(0)} cells ` +
          `(register ${cap.registerColumns}, form response ${cap.responseColumns}, change log ${cap.changeLogColumns} × ${cap.logRowsPerOrder.toFixed(1)}); ` +
          `100,000 would need ≤ ${cap.cellsPerOrderFor100k}.`,
      );
    }
  } else console.log('  not measured (no world held the full history)');
  const life = result.lifecycle;
  if (life) {
    console.log(
      life.ok
        ? `  one work order taken from the form to Closed through the add-on wrote ${life.total} change-log rows ` +
            `(one per action), recording ${Object.values(life.byField).reduce((a, b) => a + b, 0)} field changes: ` +
            Object.entries(life.byField)
              .map(([f, n]) => `${f} ${n}`)
              .join(', ')
        : `  lifecycle through the add-on not measured: ${life.error ?? ''}`,
    );
    if (life.ok && cap) {
      console.log(
        `  at ${life.total} rows per work order (every order taken to Closed), the live capacity would be ` +
          `${int(capacityWith(cap, life.total))} work orders.`,
      );
    }
  }

  console.log(`\n${describeColdStart(result.coldStart)}`);
  console.log(describeBundlePrice(result.coldStart, m));

  const largest = Math.max(...result.sizes);
  console.log(`\nWhere the estimate goes at ${int(largest)} work orders (ms):`);
  for (const op of Object.keys(TIME_BUDGETS_MS)) {
    const r = rows.find((x) => x.size === largest && x.operation === op && x.ok);
    if (!r || r.counts.executions === 0) continue;
    const parts = Object.entries(estimateParts(r.counts, m)).filter(([, v]) => v >= 0.5);
    console.log(`  ${op}: ${parts.map(([k, v]) => `${k} ${int(v)}`).join(', ')} = ${int(r.estimatedMs)}`);
  }
  if (result.quotas) console.log(`\n${describeQuotas(result.quotas).join('\n')}`);

  console.log('\nBudgets:');
  for (const b of result.budgets) console.log(`  ${b.ok ? 'ok  ' : 'FAIL'}  ${b.name}: ${b.detail}`);
  console.log(`\nTotal benchmark time: ${secs(result.runMs)} s`);
}
