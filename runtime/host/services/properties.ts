import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { asText, overload, utf8Bytes } from '../args';

/** Google's quotas page: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** One property store (the script's, one user's or one document's). Values are always strings. */
export class PropertyStore {
  private readonly map = new Map<string, string>();
  /** Bytes of keys and values together, kept up to date so a write never rescans the store. */
  private bytes = 0;

  get(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
  entries(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  get size(): number {
    return this.map.size;
  }
  get usedBytes(): number {
    return this.bytes;
  }

  /** Writes several properties at once, all or nothing, as `setProperties` does. */
  setAll(values: Record<string, string>, deleteAllOthers = false): void {
    for (const value of Object.values(values)) {
      if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new GasError('Argument too large: value');
    }
    let total = deleteAllOthers ? 0 : this.bytes;
    for (const [key, value] of Object.entries(values)) {
      const old = deleteAllOthers ? undefined : this.map.get(key);
      if (old !== undefined) total -= utf8Bytes(key) + utf8Bytes(old);
      total += utf8Bytes(key) + utf8Bytes(value);
    }
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new GasError(STORE_FULL);
    if (deleteAllOthers) this.map.clear();
    for (const [key, value] of Object.entries(values)) this.map.set(key, value);
    this.bytes = total;
  }
  set(key: string, value: string): void {
    this.setAll({ [key]: value });
  }
  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.bytes -= utf8Bytes(key) + utf8Bytes(old);
  }
  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}

/**
 * Every property store of the world. An add-on's script properties are shared by every document
 * that installed it; document properties belong to one document; user properties to one user.
 */
export class PropertyStores {
  readonly script = new PropertyStore();
  private readonly users = new Map<string, PropertyStore>();
  private readonly documents = new Map<string, PropertyStore>();

  user(email: string): PropertyStore {
    return getOrCreate(this.users, email);
  }
  document(documentId: string): PropertyStore {
    return getOrCreate(this.documents, documentId);
  }

  /** Every store as plain data (runtime/persistence.ts). */
  exportState(): PropertyStoresState {
    const all = (map: Map<string, PropertyStore>) =>
      Object.fromEntries([...map].map(([key, store]) => [key, store.entries()]));
    return { script: this.script.entries(), users: all(this.users), documents: all(this.documents) };
  }

  /** Replaces every store with the saved ones. */
  importState(state: PropertyStoresState): void {
    this.script.setAll(state.script, true);
    this.users.clear();
    this.documents.clear();
    for (const [key, values] of Object.entries(state.users)) this.user(key).setAll(values, true);
    for (const [key, values] of Object.entries(state.documents)) this.document(key).setAll(values, true);
  }
}

export interface PropertyStoresState {
  script: Record<string, string>;
  users: Record<string, Record<string, string>>;
  documents: Record<string, Record<string, string>>;
}

function getOrCreate(map: Map<string, PropertyStore>, key: string): PropertyStore {
  let store = map.get(key);
  if (!store) {
    store = new PropertyStore();
    map.set(key, store);
  }
  return store;
}

class PropertiesServiceService extends GasObject {
  readonly gasClass = 'PropertiesService';
  readonly gasService = 'Properties' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  getScriptProperties(): Properties {
    overload(this.gasClass, 'getScriptProperties', arguments, []);
    return new Properties(this.ctx.world.properties.script);
  }
  /** The store of the user the script runs as (a trigger's owner in a trigger). */
  getUserProperties(): Properties {
    overload(this.gasClass, 'getUserProperties', arguments, []);
    return new Properties(this.ctx.world.properties.user(this.ctx.effectiveUserEmail));
  }
  /** Reference: "When document properties are not available, this method returns null" (no open document). */
  getDocumentProperties(): Properties | null {
    overload(this.gasClass, 'getDocumentProperties', arguments, []);
    const id = this.ctx.activeSpreadsheetId;
    return id === null ? null : new Properties(this.ctx.world.properties.document(id));
  }
}

/** Script-visible `Properties`. Non-string values are stored as their string form, as in Apps Script. */
class Properties extends GasObject {
  readonly gasClass = 'Properties';
  readonly gasService = 'Properties' as const;
  constructor(private readonly store: PropertyStore) {
    super();
  }
  getProperty(key: string): string | null {
    overload(this.gasClass, 'getProperty', arguments, ['string']);
    return this.store.get(key);
  }
  getProperties(): Record<string, string> {
    overload(this.gasClass, 'getProperties', arguments, []);
    return this.store.entries();
  }
  getKeys(): string[] {
    overload(this.gasClass, 'getKeys', arguments, []);
    return this.store.keys();
  }
  setProperty(key: string, value: unknown): this {
    overload(this.gasClass, 'setProperty', arguments, ['string', 'any']);
    this.store.set(key, asText(value));
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    overload(this.gasClass, 'setProperties', arguments, ['object'], ['object', 'boolean']);
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties)) values[key] = asText(value);
    this.store.setAll(values, deleteAllOthers === true);
    return this;
  }
  deleteProperty(key: string): this {
    overload(this.gasClass, 'deleteProperty', arguments, ['string']);
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    overload(this.gasClass, 'deleteAllProperties', arguments, []);
    this.store.clear();
    return this;
  }
}

export function createPropertiesService(ctx: ExecutionContext): GasObject {
  return new PropertiesServiceService(ctx);
}
