/**
 * One handle per execution for the property stores and the document cache. Getting a handle
 * (`PropertiesService.get…Properties()`, `CacheService.getDocumentCache()`) is not a round trip; the
 * get or set made through it is (runtime/host/call-cost.ts). One execution asks for them from many
 * places, and one memo keeps each a single call to trace. Apps Script starts every execution in a
 * fresh global scope, so these memos never outlive the execution that made them.
 */
type Properties = GoogleAppsScript.Properties.Properties;
type Cache = GoogleAppsScript.Cache.Cache;

let documentCacheHandle: Cache | null | undefined;
let userPropertiesHandle: Properties | undefined;
let documentPropertiesHandle: Properties | null | undefined;

/** Null outside a document (the hourly job), as CacheService answers there. */
export function documentCache(): Cache | null {
  if (documentCacheHandle === undefined) documentCacheHandle = CacheService.getDocumentCache();
  return documentCacheHandle;
}

export function userProperties(): Properties {
  if (userPropertiesHandle === undefined) userPropertiesHandle = PropertiesService.getUserProperties();
  return userPropertiesHandle;
}

/** Null outside a document (the hourly job), as PropertiesService answers there. */
export function documentPropertiesOrNull(): Properties | null {
  if (documentPropertiesHandle === undefined)
    documentPropertiesHandle = PropertiesService.getDocumentProperties();
  return documentPropertiesHandle;
}
