/**
 * The benchmark's shared worlds (bench/world-snapshot.ts): once a history's worlds are shared, the
 * first createOurWorld builds and later ones get a copy of that build, in a runtime of their own,
 * which what a phase does to its world never reaches; after forgetWorldsOf a world is built afresh.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADDON_SECRET_KEY } from '../../../src/server/adapters/addon-secret';
import { benchHistory, createOurWorld, type CreatedWorld } from '../../../bench/world';
import { forgetWorldsOf, shareWorldsOf } from '../../../bench/world-snapshot';

const ORDERS = 150;

function register({ world }: CreatedWorld): unknown[][] {
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  return sheet.readValues(1, 1, sheet.lastRow(), sheet.lastColumn());
}

function secret({ world }: CreatedWorld): string | null {
  return world.rt.world.properties.document(world.ssId).get(ADDON_SECRET_KEY);
}

test('a shared history is built once; each later world is an independent copy of that build', async () => {
  const history = benchHistory(ORDERS);
  shareWorldsOf(history);
  const opened: CreatedWorld[] = [];
  try {
    const built = await createOurWorld(history);
    opened.push(built);
    const original = register(built);
    const copy = await createOurWorld(history);
    opened.push(copy);
    expect(copy.world.rt).not.toBe(built.world.rt);
    expect(copy.world.ssId).toBe(built.world.ssId);
    expect(copy.firstSetup).toBe(built.firstSetup);
    expect(secret(copy)).toBe(secret(built));
    expect(register(copy)).toEqual(original);

    // A phase's changes stay in its own world, through the add-on and straight into the sheets.
    const archived = await copy.world.rt.runMenuItem(
      copy.world.ssId,
      copy.world.users.admin,
      'archiveClosedWorkOrders',
    );
    expect(archived.ok).toBe(true);
    expect(register(copy)).not.toEqual(original);
    const next = await createOurWorld(history);
    opened.push(next);
    expect(register(next)).toEqual(original);

    // Verify audit log finds on the copy exactly what it finds on the build (the generated register
    // differs from its log in places, the same in both; the keyed chain holds in both).
    const verify = (w: CreatedWorld) =>
      w.world.rt.runMenuItem(w.world.ssId, w.world.users.admin, 'verifyAuditLog');
    const onCopy = await verify(next);
    const onBuild = await verify(built);
    expect(onCopy.ok && onBuild.ok).toBe(true);
    expect((onCopy.value as { rowsVerified?: number }).rowsVerified).toBeGreaterThan(ORDERS);
    expect(onCopy.value).toEqual(onBuild.value);

    forgetWorldsOf(history);
    const fresh = await createOurWorld(history);
    opened.push(fresh);
    expect(secret(fresh)).not.toBe(secret(built));
  } finally {
    forgetWorldsOf(history);
    for (const w of opened) await w.world.rt.close();
  }
}, 180_000);
