import { sha256Hex } from './src/core/sha256';
const s = '0'.repeat(64) + JSON.stringify(['2026-03-06T10:00:05.000Z', 'tom@example.com', 'sheet edit', 'REQ-000005', 'Status', 'Assigned', 'In Progress']);
for (let k = 0; k < 3; k++) {
let t = Date.now();
for (let i = 0; i < 1_000_000; i++) sha256Hex(s);
console.log('sha same 1M', Date.now() - t);
t = Date.now();
for (let i = 0; i < 1_000_000; i++) sha256Hex('');
console.log('sha empty 1M', Date.now() - t);
}
