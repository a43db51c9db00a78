/** Small helpers for the workbench's JSON API over node:http: replies, and the request's parts parsed. */
import type http from 'node:http';
import type { Answer } from '../../runtime/host/form/model';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendText(
  res: http.ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** A request body as a JSON object; a malformed one is the client's error. */
export function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const parsed: unknown = JSON.parse(body);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadRequest('expected a JSON object');
  return parsed as Record<string, unknown>;
}

export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

export function requireString(source: Record<string, unknown>, key: string): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '') throw new BadRequest(`${key} is required`);
  return value;
}

export function requireInt(source: Record<string, unknown>, key: string, min = 1): number {
  const value = typeof source[key] === 'string' ? Number(source[key]) : source[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new BadRequest(`${key} must be an integer ≥ ${min}`);
  return value;
}

/** Query parameters as a plain object. */
export function queryOf(url: URL): Record<string, unknown> {
  return Object.fromEntries(url.searchParams.entries());
}

/** A grid of cell texts as typed or pasted: a non-empty list of non-empty rows, each cell text. */
export function stringGrid(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0)
    throw new BadRequest('values must be a non-empty grid of strings');
  return value.map((line) => {
    if (!Array.isArray(line) || line.length === 0)
      throw new BadRequest('values must be a non-empty grid of strings');
    return line.map((v) => (typeof v === 'string' ? v : String(v ?? '')));
  });
}

/** A form submission's answers by question title: a text, or a list for checkboxes. */
export function answersOf(value: unknown): Record<string, Answer> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BadRequest('answers must be an object');
  const out: Record<string, Answer> = {};
  for (const [title, answer] of Object.entries(value as Record<string, unknown>)) {
    if (typeof answer === 'string') out[title] = answer;
    else if (Array.isArray(answer)) out[title] = answer.map(String);
    else throw new BadRequest(`answer to ${title} must be text or a list`);
  }
  return out;
}
