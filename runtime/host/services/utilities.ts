import crypto from 'node:crypto';
import { GasError, GasObject, Pending } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { enumArg, overload, signatureError } from '../args';
import { GasEnumValue, gasEnum } from '../gas-enum';
import { Charset, dataBytes, decodeText, encodeText, fromBytes, toSignedBytes } from './bytes';
import { formatDate } from './date-format';
import { javaFormat } from './java-format';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

/** The enums as scripts see them (objects: ../gas-enum.ts). */
const DIGEST_ALGORITHM = gasEnum('Utilities.DigestAlgorithm', DigestAlgorithm);
const MAC_ALGORITHM = gasEnum('Utilities.MacAlgorithm', MacAlgorithm);
const CHARSET = gasEnum('Utilities.Charset', Charset);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_MAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Reference (Utilities.sleep): "The maximum allowed value is 300000 (or 5 minutes)." */
export const MAX_SLEEP_MS = 300000;

class UtilitiesService extends GasObject {
  readonly gasClass = 'Utilities';
  readonly gasService = 'Utilities' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return { DigestAlgorithm: DIGEST_ALGORITHM, MacAlgorithm: MAC_ALGORITHM, Charset: CHARSET };
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    overload(this.gasClass, 'formatDate', arguments, ['date', 'string', 'string']);
    if (Number.isNaN(date.getTime())) throw new GasError('Invalid argument: date');
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    if (typeof template !== 'string') throw signatureError(this.gasClass, 'formatString', arguments);
    return javaFormat(template, args, (v) =>
      typeof v === 'string' || typeof v === 'number' || v instanceof GasEnumValue
        ? String(v)
        : (JSON.stringify(v) ?? 'null'),
    );
  }

  /** Signed bytes (-128..127), as Java's byte[] reaches the script. */
  computeDigest(digest: unknown, value: unknown): number[] {
    overload(this.gasClass, 'computeDigest', arguments, ['enum', 'any'], ['enum', 'any', 'enum']);
    const algorithm = enumArg(this.gasClass, 'computeDigest', arguments, DIGEST_ALGORITHM, digest);
    const charset = this._charset('computeDigest', arguments, 2);
    const [bytes] = digestInputs([value], charset) ?? [];
    if (!bytes) throw signatureError(this.gasClass, 'computeDigest', arguments);
    const name = NODE_DIGEST[algorithm];
    if (!name) {
      if (algorithm === 'MD2')
        throw new GasError('not implemented in the local runtime: DigestAlgorithm.MD2');
      throw signatureError(this.gasClass, 'computeDigest', arguments);
    }
    return toSignedBytes(crypto.createHash(name).update(bytes).digest());
  }

  computeHmacSignature(mac: unknown, value: unknown, key: unknown): number[] {
    overload(
      this.gasClass,
      'computeHmacSignature',
      arguments,
      ['enum', 'any', 'any'],
      ['enum', 'any', 'any', 'enum'],
    );
    const name = NODE_MAC[enumArg(this.gasClass, 'computeHmacSignature', arguments, MAC_ALGORITHM, mac)];
    const charset = this._charset('computeHmacSignature', arguments, 3);
    const [data, secret] = digestInputs([value, key], charset) ?? [];
    if (!name || !data || !secret) throw signatureError(this.gasClass, 'computeHmacSignature', arguments);
    return toSignedBytes(crypto.createHmac(name, secret).update(data).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown): number[] {
    overload(this.gasClass, 'computeHmacSha256Signature', arguments, ['any', 'any'], ['any', 'any', 'enum']);
    const charset = this._charset('computeHmacSha256Signature', arguments, 2);
    const [data, secret] = digestInputs([value, key], charset) ?? [];
    if (!data || !secret) throw signatureError(this.gasClass, 'computeHmacSha256Signature', arguments);
    return toSignedBytes(crypto.createHmac('sha256', secret).update(data).digest());
  }

  base64Encode(data: unknown): string {
    return this._encode('base64Encode', arguments, data).toString('base64');
  }
  /** Web-safe alphabet (- and _), padding kept, as Java's URL-safe encoder does. */
  base64EncodeWebSafe(data: unknown): string {
    return this._encode('base64EncodeWebSafe', arguments, data)
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }
  /**
   * Reads the web-safe alphabet as well: on live Apps Script, base64Decode of what
   * base64EncodeWebSafe made ('-' and '_') gives the original bytes back (gas-fakes'
   * test/testutilities.js, "utilities base64 encoding", run on live Apps Script).
   */
  base64Decode(encoded: string): number[] {
    overload(this.gasClass, 'base64Decode', arguments, ['string'], ['string', 'enum']);
    this._charset('base64Decode', arguments, 1);
    return toSignedBytes(decodeBase64(fromWebSafe(encoded), /^[A-Za-z0-9+/]*={0,2}$/));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    overload(this.gasClass, 'base64DecodeWebSafe', arguments, ['string'], ['string', 'enum']);
    this._charset('base64DecodeWebSafe', arguments, 1);
    return toSignedBytes(decodeBase64(fromWebSafe(encoded), /^[A-Za-z0-9+/]*={0,2}$/));
  }

  getUuid(): string {
    overload(this.gasClass, 'getUuid', arguments, []);
    return crypto.randomUUID();
  }

  /**
   * Blocks the script for real time, divided by the world's time scale (other executions keep
   * running); capped at Google's 5 minutes. The time counts towards the execution's time limit.
   */
  sleep(milliseconds: number): Pending<void> {
    overload(this.gasClass, 'sleep', arguments, ['number']);
    const ms = Math.min(Math.max(0, milliseconds), MAX_SLEEP_MS);
    const real = this.ctx.world.clock.realMs(ms);
    return new Pending(new Promise<void>((resolve) => setTimeout(resolve, real)));
  }

  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    overload(this.gasClass, 'newBlob', arguments, ['any'], ['any', 'string'], ['any', 'string', 'string']);
    const bytes = dataBytes(data);
    if (!bytes) throw signatureError(this.gasClass, 'newBlob', arguments);
    const type = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
    return new Blob(bytes, type, name ?? null);
  }

  /** An optional Charset argument at `index`: its name, undefined when not passed. */
  private _charset(method: string, args: IArguments, index: number): keyof typeof Charset | undefined {
    return args.length > index ? enumArg(this.gasClass, method, args, CHARSET, args[index]) : undefined;
  }

  private _encode(method: string, args: IArguments, data: unknown): Buffer {
    overload(this.gasClass, method, args, ['any'], ['any', 'enum']);
    const bytes = dataBytes(data, this._charset(method, args, 1));
    if (!bytes) throw signatureError(this.gasClass, method, args);
    return bytes;
  }
}

/**
 * The inputs of computeDigest and the HMAC methods, as live Apps Script reads them (gas-fakes'
 * live test test/testutilities.js, "utilities digest" and the HMAC section): Strings are encoded as
 * US-ASCII unless a charset is given (a character outside ASCII becomes '?'); byte arrays take no
 * charset; Strings and byte arrays are not mixed; an unknown charset does not match any signature.
 * Null when the call matches no signature.
 */
function digestInputs(values: readonly unknown[], charset: string | undefined): Buffer[] | null {
  if (charset !== undefined && !(charset in Charset)) return null;
  if (values.every((v) => typeof v === 'string')) {
    return values.map((v) => encodeText(v as string, charset ?? Charset.US_ASCII));
  }
  if (charset === undefined && values.every(Array.isArray)) {
    return values.map((v) => fromBytes(v as unknown[]));
  }
  return null;
}

function fromWebSafe(encoded: string): string {
  return encoded.replace(/-/g, '+').replace(/_/g, '/');
}

/** Strict like Google's decoder: an unpadded string (length not a multiple of 4) fails too. */
function decodeBase64(encoded: string, alphabet: RegExp): Buffer {
  const compact = encoded.replace(/\s+/g, '');
  if (!alphabet.test(compact) || compact.length % 4 !== 0) throw new GasError('Could not decode string.');
  return Buffer.from(compact, 'base64');
}

/** A Blob made by `Utilities.newBlob` (mail attachments, base64 round trips). */
export class Blob extends GasObject {
  readonly gasClass = 'Blob';
  readonly gasService = 'Utilities' as const;
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super();
  }
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: unknown[]): this {
    if (!Array.isArray(data)) throw signatureError(this.gasClass, 'setBytes', arguments);
    this.bytes = dataBytes(data)!;
    return this;
  }
  getDataAsString(charset?: string): string {
    overload(this.gasClass, 'getDataAsString', arguments, [], ['string']);
    return decodeText(this.bytes, charset);
  }
  setDataFromString(text: string, charset?: string): this {
    overload(this.gasClass, 'setDataFromString', arguments, ['string'], ['string', 'string']);
    this.bytes = encodeText(text, charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    overload(this.gasClass, 'setContentType', arguments, ['string']);
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    overload(this.gasClass, 'setName', arguments, ['string']);
    this.name = name;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  isGoogleType(): boolean {
    return false;
  }
  /** Host side: the raw bytes (for the mail outbox). */
  _bytes(): Buffer {
    return this.bytes;
  }
}

export function createUtilities(ctx: ExecutionContext): GasObject {
  return new UtilitiesService(ctx);
}
