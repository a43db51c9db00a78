import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import type { Clock } from '../clock';
import { asText, javaInt, overload, utf8Bytes } from '../args';

/** Reference (Cache): keys up to 250 characters, values up to 100 KB, at most 6 hours, 10 minutes by default. */
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_TTL_SECONDS = 21600;
export const CACHE_DEFAULT_TTL_SECONDS = 600;
/**
 * Reference (Cache.put): "The cap for cached items is 1,000. If more than 1,000 items are written, the
 * cache stores the 900 items farthest from expiration."
 */
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_KEPT = 900;

interface Entry {
  value: string;
  expiresAtMs: number;
}

/** One cache (the script's, a user's or a document's); entries expire by the world's clock. */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly clock: Clock) {}

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.clock.nowMs()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  put(key: string, value: string, ttlSeconds: number): void {
    this.entries.set(key, { value, expiresAtMs: this.clock.nowMs() + ttlSeconds * 1000 });
    this.capItems();
  }
  /** Several puts in one request (putAll): the cap applies once all are written. */
  putMany(entries: readonly { key: string; value: string }[], ttlSeconds: number): void {
    const expiresAtMs = this.clock.nowMs() + ttlSeconds * 1000;
    for (const { key, value } of entries) this.entries.set(key, { value, expiresAtMs });
    this.capItems();
  }
  get size(): number {
    return this.entries.size;
  }
  private capItems(): void {
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    const now = this.clock.nowMs();
    for (const [key, entry] of this.entries) if (entry.expiresAtMs <= now) this.entries.delete(key);
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    // Farthest from expiration first; among equals, the later written (Map order) are kept.
    const ranked = [...this.entries].map(([key, entry], order) => ({ key, entry, order }));
    ranked.sort((a, b) => b.entry.expiresAtMs - a.entry.expiresAtMs || b.order - a.order);
    for (const { key } of ranked.slice(CACHE_ITEMS_KEPT)) this.entries.delete(key);
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  /** Forgets everything: what Google may do at any time, since a cache is best effort. */
  clear(): void {
    this.entries.clear();
  }
  /** Unexpired entries as plain data (runtime/persistence.ts). */
  exportEntries(): [string, { value: string; expiresAtMs: number }][] {
    const now = this.clock.nowMs();
    return [...this.entries].filter(([, e]) => e.expiresAtMs > now).map(([k, e]) => [k, { ...e }]);
  }
  importEntries(entries: readonly [string, { value: string; expiresAtMs: number }][]): void {
    this.entries.clear();
    for (const [k, e] of entries) this.entries.set(k, { ...e });
  }
}

export type CacheEntriesState = [string, { value: string; expiresAtMs: number }][];

export interface CacheStoresState {
  script: CacheEntriesState;
  users: Record<string, CacheEntriesState>;
  documents: Record<string, CacheEntriesState>;
}

export class CacheStores {
  readonly script: CacheStore;
  private readonly users = new Map<string, CacheStore>();
  private readonly documents = new Map<string, CacheStore>();

  constructor(readonly clock: Clock) {
    this.script = new CacheStore(clock);
  }
  user(email: string): CacheStore {
    return this.getOrCreate(this.users, email);
  }
  document(documentId: string): CacheStore {
    return this.getOrCreate(this.documents, documentId);
  }
  /** Every cache as plain data (runtime/persistence.ts). */
  exportState(): CacheStoresState {
    const all = (map: Map<string, CacheStore>) =>
      Object.fromEntries([...map].map(([key, store]) => [key, store.exportEntries()]));
    return { script: this.script.exportEntries(), users: all(this.users), documents: all(this.documents) };
  }
  /** Replaces every cache with the saved ones. */
  importState(state: CacheStoresState): void {
    this.script.importEntries(state.script);
    this.users.clear();
    this.documents.clear();
    for (const [key, entries] of Object.entries(state.users)) this.user(key).importEntries(entries);
    for (const [key, entries] of Object.entries(state.documents)) this.document(key).importEntries(entries);
  }
  private getOrCreate(map: Map<string, CacheStore>, key: string): CacheStore {
    let store = map.get(key);
    if (!store) {
      store = new CacheStore(this.clock);
      map.set(key, store);
    }
    return store;
  }
}

class CacheServiceService extends GasObject {
  readonly gasClass = 'CacheService';
  readonly gasService = 'Cache' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  getScriptCache(): Cache {
    overload(this.gasClass, 'getScriptCache', arguments, []);
    return new Cache(this.ctx.world.cache.script);
  }
  getUserCache(): Cache {
    overload(this.gasClass, 'getUserCache', arguments, []);
    return new Cache(this.ctx.world.cache.user(this.ctx.effectiveUserEmail));
  }
  /** Reference: "null if there is no containing document". */
  getDocumentCache(): Cache | null {
    overload(this.gasClass, 'getDocumentCache', arguments, []);
    const id = this.ctx.activeSpreadsheetId;
    return id === null ? null : new Cache(this.ctx.world.cache.document(id));
  }
}

class Cache extends GasObject {
  readonly gasClass = 'Cache';
  readonly gasService = 'Cache' as const;
  constructor(private readonly store: CacheStore) {
    super();
  }

  get(key: string): string | null {
    overload(this.gasClass, 'get', arguments, ['string']);
    return this.store.get(checkKey(key));
  }
  getAll(keys: string[]): Record<string, string> {
    if (arguments.length !== 1 || !Array.isArray(keys)) overload(this.gasClass, 'getAll', arguments);
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.store.get(checkKey(asText(key)));
      if (value !== null) found[asText(key)] = value;
    }
    return found;
  }
  put(key: string, value: unknown, expirationInSeconds?: number): void {
    overload(this.gasClass, 'put', arguments, ['string', 'any'], ['string', 'any', 'number']);
    const entry = checkEntry(key, value);
    this.store.put(entry.key, entry.value, ttl(expirationInSeconds));
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    overload(this.gasClass, 'putAll', arguments, ['object'], ['object', 'number']);
    const seconds = ttl(expirationInSeconds);
    // Check every entry first: one bad entry fails the whole call, as a single service request would.
    const entries = Object.entries(values).map(([key, value]) => checkEntry(key, value));
    this.store.putMany(entries, seconds);
  }
  remove(key: string): void {
    overload(this.gasClass, 'remove', arguments, ['string']);
    this.store.remove(checkKey(key));
  }
  removeAll(keys: string[]): void {
    if (arguments.length !== 1 || !Array.isArray(keys)) overload(this.gasClass, 'removeAll', arguments);
    for (const key of keys) this.store.remove(checkKey(asText(key)));
  }
}

function checkKey(key: string): string {
  if (key.length > CACHE_KEY_MAX_CHARS) throw new GasError('Argument too large: key');
  return key;
}

function checkEntry(key: string, value: unknown): { key: string; value: string } {
  const text = asText(value);
  if (utf8Bytes(text) > CACHE_VALUE_MAX_BYTES) throw new GasError('Argument too large: value');
  return { key: checkKey(key), value: text };
}

/**
 * Longer than six hours is cut to six hours: the reference gives 21600 s as the maximum, not an error.
 * The expiration is an Integer (a fraction is dropped, as Java does). Live Apps Script does not
 * validate it: a negative expiration is ignored and the value stored (measured: "Negative expiration
 * is ignored/stored", justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits), so it
 * gets the default 10 minutes; zero, below the reference's 1-second minimum, goes the same way
 * rather than failing a call that live Apps Script lets through.
 */
function ttl(seconds: number | undefined): number {
  if (seconds === undefined) return CACHE_DEFAULT_TTL_SECONDS;
  const whole = javaInt(seconds);
  if (!(whole > 0)) return CACHE_DEFAULT_TTL_SECONDS;
  return Math.min(whole, CACHE_MAX_TTL_SECONDS);
}

export function createCacheService(ctx: ExecutionContext): GasObject {
  return new CacheServiceService(ctx);
}
