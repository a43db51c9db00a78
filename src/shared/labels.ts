/**
 * The RPC contract of the labels dialog (no zod: the page stays small). `labelsLoad` returns one label
 * per active asset and per location, each with the intake form's pre-filled link it encodes.
 */

import type { Label } from '../core/labels';

export type { Label };

export type LabelsLoadResponse =
  { ok: true; organizationName: string; labels: Label[] } | { ok: false; message: string };

const isText = (v: unknown): v is string => typeof v === 'string';

function isLabel(value: unknown): value is Label {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return (
    (l.kind === 'asset' || l.kind === 'location') &&
    isText(l.code) &&
    isText(l.title) &&
    isText(l.subtitle) &&
    isText(l.url) &&
    /^https:\/\//.test(l.url)
  );
}

/** The reply checked as the page receives it (a reply of another shape is not drawn). */
export function isLabelsReply(value: unknown): value is LabelsLoadResponse {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.ok === false) return isText(r.message);
  return r.ok === true && isText(r.organizationName) && Array.isArray(r.labels) && r.labels.every(isLabel);
}
