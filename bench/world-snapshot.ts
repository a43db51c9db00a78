/**
 * One world per history, built once and copied for every phase that asks for it. Several phases of
 * `npm run bench` (the hourly job's scenarios, archiving, main.ts's operations) each start from a fresh
 * world of the same history; building one at 100,000 orders (setup, a million keyed log rows, 100,000
 * row states) took tens of seconds, three times per size. A copy is the very state the build left
 * (runtime/persistence.ts: every spreadsheet, form, trigger, property, cache entry and mail count),
 * put into a new runtime whose sandbox has run the same first setup as the built one's, with the
 * world's clock where it stood after the build, so each phase starts where it would have started.
 */
import v8 from 'node:v8';
import { LocalAppsScript } from '../runtime';
import { exportWorld, importWorld, type WorldState } from '../runtime/persistence';
import type { History } from './fixtures/history';
import type { BenchWorld } from './types';
import type { CreatedWorld } from './world';

interface Snapshot {
  /** What the build returned, without its runtime (each phase closes its own). */
  world: Omit<BenchWorld, 'rt'>;
  firstSetup: CreatedWorld['firstSetup'];
  state: WorldState;
  /** The world's time when the build finished. */
  worldMs: number;
}

/** Histories whose worlds are shared, with their snapshot once one was built. */
const shared = new Map<History, Snapshot | null>();

/** From now on, createOurWorld(history) builds one world and gives every later call a copy of it. */
export function shareWorldsOf(history: History): void {
  if (!shared.has(history)) shared.set(history, null);
}

/** Drops the kept copy (its memory is a whole world's), and builds afresh for later calls. */
export function forgetWorldsOf(history: History): void {
  shared.delete(history);
}

export async function sharedWorld(
  history: History,
  build: (history: History) => Promise<CreatedWorld>,
): Promise<CreatedWorld> {
  if (!shared.has(history)) return build(history);
  const snapshot = shared.get(history);
  if (snapshot) return restore(snapshot);
  const built = await build(history);
  const { rt, ...world } = built.world;
  const state = exportWorld(rt.world);
  if (nearHeapLimit()) {
    // A copy that leaves the process collecting garbage at its heap limit costs more than a rebuild.
    process.stderr.write(
      `  (no copy kept of the ${world.size.toLocaleString('en-US')}-order world: heap nearly full)\n`,
    );
    shared.delete(history);
    return built;
  }
  shared.set(history, { world, firstSetup: built.firstSetup, state, worldMs: rt.world.clock.nowMs() });
  return built;
}

/**
 * Share of the heap limit in use above which no copy is kept (the copy and any uncollected garbage
 * are counted in it). At 100,000 orders the history, its keyed log, the built world and the copy came
 * to about 3.1 GB of a 4.1 GB limit right after the copy.
 */
const HEAP_SHARE_FOR_COPIES = 0.8;

function nearHeapLimit(): boolean {
  const heap = v8.getHeapStatistics();
  return heap.used_heap_size > HEAP_SHARE_FOR_COPIES * heap.heap_size_limit;
}

async function restore({ world, firstSetup, state, worldMs }: Snapshot): Promise<CreatedWorld> {
  const rt = LocalAppsScript.load();
  // The built runtime's sandbox ran setup on an empty spreadsheet before anything was measured (its
  // compiled bundle and lazily compiled functions carry over to later executions): so does this one's,
  // on a spreadsheet the import below then replaces with everything else.
  const warmUp = rt.createSpreadsheet('Work orders (benchmark)', world.users.admin);
  const setup = await rt.runMenuItem(warmUp, world.users.admin, 'setUpWorkOrders');
  if (!setup.ok) throw new Error(`setup failed: ${setup.error?.message ?? ''}`);
  importWorld(rt.world, state);
  rt.world.clock.set(new Date(worldMs));
  return { world: { ...world, rt, notes: [...world.notes] }, firstSetup };
}
