import { GasError } from '../gas-object';

/** Apps Script's byte[] is Java's: signed, -128..127. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/**
 * A script's byte[] (numbers). An element that is no number fails as live Apps Script fails it:
 * "Cannot convert …" (gas-fakes' test/testutilities.js, digest and HMAC sections, where byte arrays of
 * strings such as '12woah' are refused so on live Apps Script).
 */
export function fromBytes(bytes: readonly unknown[]): Buffer {
  return Buffer.from(
    bytes.map((b) => {
      if (typeof b !== 'number') throw new GasError(`Cannot convert ${String(b)} to byte.`);
      return b & 0xff;
    }),
  );
}

export type CharsetName = 'UTF_8' | 'US_ASCII';
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/** Java encodes a character US-ASCII cannot hold as '?'. */
export function encodeText(text: string, charset: string = 'UTF_8'): Buffer {
  if (charset === 'US_ASCII') return Buffer.from(text.replace(/\P{ASCII}/gu, '?'), 'latin1');
  if (charset !== 'UTF_8') throw new GasError(`Invalid argument: charset`);
  return Buffer.from(text, 'utf8');
}

export function decodeText(bytes: Buffer, charset: string = 'UTF_8'): string {
  if (charset === 'US_ASCII')
    return Array.from(bytes, (b) => (b > 127 ? '\ufffd' : String.fromCharCode(b))).join('');
  return bytes.toString('utf8');
}

/** A String or a byte[] (either may be passed wherever Apps Script takes "data"). */
export function dataBytes(data: unknown, charset?: string): Buffer | null {
  if (typeof data === 'string') return encodeText(data, charset);
  if (Array.isArray(data)) return fromBytes(data);
  return null;
}
