import { chainHash, verifyChain, GENESIS_HASH } from './src/core/audit';
const rows: unknown[][] = new Array(1_000_000);
let prev = GENESIS_HASH;
const base = Date.UTC(2026, 0, 1);
let t = Date.now();
for (let i = 0; i < rows.length; i++) {
  const e = { at: new Date(base + i * 1000), user: 'tom@example.com', source: 'sheet edit' as const, recordId: `REQ-${i}`, field: 'Status', oldValue: 'Assigned', newValue: 'In Progress' };
  prev = chainHash(prev, e);
  rows[i] = [e.at, e.user, e.source, e.recordId, e.field, e.oldValue, e.newValue, prev];
}
console.log('build', Date.now() - t);
t = Date.now();
const r = verifyChain(rows);
console.log('verify', Date.now() - t, r.ok);
