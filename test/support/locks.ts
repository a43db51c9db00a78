/**
 * Another writer holding the document lock, played from the host's lock table (no execution has its
 * id), and what the edit trigger leaves in the document's properties when it cannot check an edit at
 * once. For tests that put another execution between the edit trigger's two locked sections.
 */
import { PENDING_EDIT_PREFIX } from '../../src/server/features/edits/pending';
import type { TestWorkbook } from './workbook';

/** Keys of the edits recorded for a later check (deferred, or being checked with the lock given back). */
export function pendingKeys(wb: TestWorkbook): string[] {
  return Object.keys(wb.rt.world.properties.document(wb.ssId).entries()).filter((k) =>
    k.startsWith(PENDING_EDIT_PREFIX),
  );
}

/** Waits, turn by turn of the event loop, until `condition` holds. */
export async function until(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Another execution, as far as the document lock can tell: it holds the lock, lets go, queues again. */
export class OtherWriter {
  readonly key: string;
  private held = false;

  constructor(
    private readonly wb: TestWorkbook,
    private readonly id: number,
  ) {
    this.key = `document:${wb.ssId}`;
  }

  private get locks() {
    return this.wb.rt.world.locks;
  }

  /** Takes the free lock at once. */
  hold(): void {
    if (!this.locks.tryAcquire(this.key, this.id)) throw new Error('the document lock is not free');
    this.held = true;
  }

  /** Queues for the lock (behind whoever waits already) and holds it once given. */
  async queue(timeoutMs = 600_000): Promise<void> {
    if (!(await this.locks.acquire(this.key, this.id, timeoutMs, this.wb.rt.world.clock.scale)))
      throw new Error('the other writer never got the document lock');
    this.held = true;
  }

  /** Gives the lock back, if held. */
  release(): void {
    if (this.held) this.locks.release(this.key, this.id);
    this.held = false;
  }

  /** Whether an execution waits for the lock. */
  someoneWaits(): boolean {
    return this.locks.waitingFor(this.key) > 0;
  }

  holder(): number | null {
    return this.locks.holderOf(this.key);
  }
}
