/**
 * Two register rows rewritten together by a technician's script, through dist/Code.js: each row given
 * the other's Response Row and the answers that request gave (Description, Requester Email,
 * Location…), and the hidden Last Known State blanked or swapped between the rows. Setup then seals
 * each row from the response row it names (the answers agree with it, and no other row names it), so
 * REQ-000001 carried the other requestor's request and address under a sealed record; Verify audit
 * log found only the two Response Rows, put them back, and then said "Audit log OK" with the answers
 * still swapped. Verify now compares a record that names another response row than the log's Created
 * line with the request the log names, and puts the answers back too.
 */
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const SWAPPED = ['Response Row', 'Description', 'Requester Email', 'Requester Name', 'Location', 'Urgency'];

async function verify(putBack: 'YES' | 'NO'): Promise<{ ok: boolean; message: string }> {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? putBack : 'OK', text: '' });
  try {
    return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  } finally {
    wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  }
}

/** The script: the two rows' answers and Response Rows swapped, their records `records`. */
function swapRows(a: string, b: string, records: 'blanked' | 'swapped'): void {
  const header = wb.values(REGISTER)[0]!.map(String);
  const [ra, rb] = [rowOf(wb, a), rowOf(wb, b)];
  const [va, vb] = [wb.values(REGISTER)[ra - 1]!, wb.values(REGISTER)[rb - 1]!];
  const sheet = wb.sheet(REGISTER);
  for (const name of [...SWAPPED, ROW_STATE_HEADER]) {
    const c = header.indexOf(name);
    const blank = name === ROW_STATE_HEADER && records === 'blanked';
    sheet.writeValues(ra, c + 1, [[blank ? '' : String(vb[c])]]);
    sheet.writeValues(rb, c + 1, [[blank ? '' : String(va[c])]]);
  }
}

async function start(id: string): Promise<{ ok: boolean; message?: string }> {
  return expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }))
    .value as { ok: boolean; message?: string };
}

test.each(['blanked', 'swapped'] as const)(
  'answers swapped between two rows, records %s, sealed by setup: Verify finds them and puts them back',
  async (records) => {
    const a = await assignedOrder(
      wb,
      TECH,
      { description: 'The boiler knocks', location: 'Annex' },
      'ann@example.com',
    );
    const b = await assignedOrder(wb, TECH, { description: 'A window is cracked' }, 'bob@example.com');
    const [given, other] = [wb.order(a), wb.order(b)];
    swapRows(a, b, records);
    expect(wb.order(a).requesterEmail).toBe('bob@example.com');
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));

    const seen = await verify('NO');
    expect(seen.message).toContain(
      `${a}, Description: "A window is cracked", where the request gave "The boiler knocks"`,
    );
    expect(seen.message).toContain(
      `${a}, Requester Email: "bob@example.com", where the request gave "ann@example.com"`,
    );
    expect(seen.message).toContain(`${b}, Location: "Annex", where the request gave "Main Building"`);
    await verify('YES');
    for (const [id, was] of [
      [a, given],
      [b, other],
    ] as const) {
      const now = wb.order(id);
      expect([now.description, now.requesterEmail, now.location, now.responseRef]).toEqual([
        was.description,
        was.requesterEmail,
        was.location,
        was.responseRef,
      ]);
    }
    expect(await verify('NO')).toMatchObject({ ok: true });
    expect(await start(a)).toMatchObject({ ok: true });
  },
  120_000,
);
