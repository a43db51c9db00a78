/**
 * One handle per execution for the property stores and the document cache. Getting a handle
 * (`PropertiesService.get…Properties()`, `CacheService.getDocumentCache()`) is not a round trip; the
 * get or set made through it is (runtime/host/call-cost.ts). One execution asks for them from many
 * places, and one memo keeps each a single call to trace. Apps Script starts every execution in a
 * fresh global scope, so these memos never outlive the execution that made them.
 */
import { LockScopedProperties } from './document-properties-memo';
import type { Cache, Properties } from './apps-script-types';

let documentCacheHandle: Cache | null | undefined;
let userPropertiesHandle: Properties | undefined;
let documentPropertiesHandle: LockScopedProperties | null | undefined;

/** Null outside a document (the hourly job), as CacheService answers there. */
export function documentCache(): Cache | null {
  if (documentCacheHandle === undefined) documentCacheHandle = CacheService.getDocumentCache();
  return documentCacheHandle;
}

export function userProperties(): Properties {
  if (userPropertiesHandle === undefined) userPropertiesHandle = PropertiesService.getUserProperties();
  return userPropertiesHandle;
}

function documentPropertiesHandleOrNull(): LockScopedProperties | null {
  if (documentPropertiesHandle === undefined) {
    const store = PropertiesService.getDocumentProperties();
    documentPropertiesHandle = store ? new LockScopedProperties(store) : null;
  }
  return documentPropertiesHandle;
}

/** The document-property keys last read whole under the lock in this execution (no round trip). */
export function documentKeysLastSeen(): readonly string[] | null {
  return documentPropertiesHandleOrNull()?.keysLastSeen() ?? null;
}

/**
 * Null outside a document (the hourly job), as PropertiesService answers there. Under the document
 * lock, reads are answered from one read of the whole store (./document-properties-memo).
 */
export function documentPropertiesOrNull(): Properties | null {
  return documentPropertiesHandleOrNull()?.asProperties() ?? null;
}

/** The document lock was taken or released: what was read of the document's properties is dropped. */
export function documentLockChanged(held: boolean): void {
  documentPropertiesHandle?.lockChanged(held);
}
