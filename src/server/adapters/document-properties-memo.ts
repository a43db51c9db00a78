import type { Properties } from './apps-script-types';
/**
 * The document's properties as one execution sees them while it holds the document lock: the first
 * read under the lock fetches the whole store (one getProperties round trip) and every later read of
 * any key is answered from it, while every write goes to the store and into the copy. Outside the
 * lock, each read goes to the store as before: without the lock another execution may change any
 * value at any moment, so nothing read there is kept. The copy is dropped whenever the lock is taken
 * or released (document-lock.ts), so a value read before the lock is never mistaken for one read
 * under it.
 *
 * Why: a change under the lock reads several of the add-on's keys (the review queue, the change log's
 * checkpoint, the add-on's secret, the installation owner…), each a round trip of its own before.
 */

/**
 * Whether this execution holds the document lock, kept by document-lock.ts: a store handle first asked
 * for after the lock was taken (an entry point that locks before reading anything) starts under it.
 */
let documentLockHeld = false;

export function noteDocumentLockHeld(held: boolean): void {
  documentLockHeld = held;
}

export class LockScopedProperties {
  private copy: Record<string, string> | null = null;
  private underLock = documentLockHeld;
  /** The keys of the last whole read under the lock, kept after it is released (see keysLastSeen). */
  private lastKeys: readonly string[] | null = null;

  constructor(private readonly store: Properties) {}

  /** Called by the document-lock helpers: the lock was just taken (true) or released (false). */
  lockChanged(held: boolean): void {
    this.underLock = held;
    this.copy = null;
  }

  private loaded(): Record<string, string> | null {
    if (this.copy) return this.copy;
    if (!this.underLock) return null;
    this.copy = { ...this.store.getProperties() };
    this.lastKeys = Object.keys(this.copy);
    return this.copy;
  }

  /**
   * The keys the store held when this execution last read it whole under the lock (null when it has
   * not): a hint, free of any round trip, that something waits (features/edits/pending.ts).
   */
  keysLastSeen(): readonly string[] | null {
    return this.lastKeys;
  }

  getProperty(key: string): string | null {
    const all = this.loaded();
    return all ? (all[key] ?? null) : this.store.getProperty(key);
  }

  getProperties(): Record<string, string> {
    const all = this.loaded();
    return all ? { ...all } : this.store.getProperties();
  }

  getKeys(): string[] {
    const all = this.loaded();
    return all ? Object.keys(all) : this.store.getKeys();
  }

  setProperty(key: string, value: string): Properties {
    this.store.setProperty(key, value);
    if (this.copy) this.copy[key] = String(value);
    return this.asProperties();
  }

  setProperties(values: Record<string, string>, deleteAllOthers?: boolean): Properties {
    if (deleteAllOthers === undefined) this.store.setProperties(values);
    else this.store.setProperties(values, deleteAllOthers);
    if (this.copy) {
      if (deleteAllOthers) this.copy = {};
      for (const [key, value] of Object.entries(values)) this.copy[key] = String(value);
    }
    return this.asProperties();
  }

  deleteProperty(key: string): Properties {
    this.store.deleteProperty(key);
    if (this.copy) delete this.copy[key];
    return this.asProperties();
  }

  deleteAllProperties(): Properties {
    this.store.deleteAllProperties();
    if (this.copy) this.copy = {};
    return this.asProperties();
  }

  /** The Properties interface the rest of the add-on types against (the methods above are all it uses). */
  asProperties(): Properties {
    return this as unknown as Properties;
  }
}
