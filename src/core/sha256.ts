/**
 * SHA-256 (FIPS 180-4) over the UTF-8 bytes of a string, hex output. Written here because the core has
 * no Utilities.computeDigest, no Node crypto and no TextEncoder; tuned for the change-log check, which
 * hashes a million short rows: one reusable byte buffer, typed-array state, no per-call allocation
 * besides the result string.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const W = new Int32Array(64);
const H = new Int32Array(8);
let bytes = new Uint8Array(4096);

const HEX_DIGITS = '0123456789abcdef';
const hexCodes: number[] = new Array<number>(64).fill(0);

/** Makes sure `bytes` can take `extra` more bytes after the first `used`, keeping what is there. */
function reserve(used: number, extra: number): void {
  if (bytes.length >= used + extra) return;
  const grown = new Uint8Array(Math.max(used + extra, bytes.length * 2));
  grown.set(bytes.subarray(0, used));
  bytes = grown;
}

/**
 * Appends `text` as UTF-8 to `bytes` from position `n`, returns the new length. Lone surrogates become
 * U+FFFD, as TextEncoder does.
 */
function encodeUtf8(text: string, n: number): number {
  // Worst case 3 bytes per UTF-16 unit, plus room for padding and the length block.
  reserve(n, text.length * 3 + 72);
  const out = bytes;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[n++] = 0xf0 | (c >> 18);
          out[n++] = 0x80 | ((c >> 12) & 63);
          out[n++] = 0x80 | ((c >> 6) & 63);
          out[n++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

// Every sum is truncated with `| 0` as it is formed: V8 then keeps the values as 32-bit integers instead
// of falling back to doubles, which roughly triples the speed of the rounds.
function compress(m: Uint8Array, offset: number): void {
  const w = W;
  for (let t = 0; t < 16; t++) {
    const j = offset + (t << 2);
    w[t] =
      ((m[j] as number) << 24) |
      ((m[j + 1] as number) << 16) |
      ((m[j + 2] as number) << 8) |
      (m[j + 3] as number);
  }
  for (let t = 16; t < 64; t++) {
    let u = w[t - 2] as number;
    const s1 = ((u >>> 17) | (u << 15)) ^ ((u >>> 19) | (u << 13)) ^ (u >>> 10);
    u = w[t - 15] as number;
    const s0 = ((u >>> 7) | (u << 25)) ^ ((u >>> 18) | (u << 14)) ^ (u >>> 3);
    w[t] = (((s1 + (w[t - 7] as number)) | 0) + ((s0 + (w[t - 16] as number)) | 0)) | 0;
  }
  let a = H[0] as number;
  let b = H[1] as number;
  let c = H[2] as number;
  let d = H[3] as number;
  let e = H[4] as number;
  let f = H[5] as number;
  let g = H[6] as number;
  let h = H[7] as number;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (((S1 + ch) | 0) + ((h + (((K[t] as number) + (w[t] as number)) | 0)) | 0)) | 0;
    const t2 =
      ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c))) |
      0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
  H[5] = ((H[5] as number) + f) | 0;
  H[6] = ((H[6] as number) + g) | 0;
  H[7] = ((H[7] as number) + h) | 0;
}

const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/**
 * Pads the `length` message bytes at the start of `bytes` (of a message `prefix` bytes longer, already
 * compressed into H) and compresses them into H.
 */
function finish(length: number, prefix: number): void {
  const m = bytes;
  // Padding: 0x80, zeros to 56 mod 64, then the bit length as a 64-bit big-endian integer.
  let end = length;
  m[end++] = 0x80;
  while (end % 64 !== 56) m[end++] = 0;
  const total = length + prefix;
  const bitsHigh = Math.floor(total / 0x20000000); // total * 8 / 2^32
  const bitsLow = (total * 8) >>> 0;
  m[end++] = (bitsHigh >>> 24) & 255;
  m[end++] = (bitsHigh >>> 16) & 255;
  m[end++] = (bitsHigh >>> 8) & 255;
  m[end++] = bitsHigh & 255;
  m[end++] = (bitsLow >>> 24) & 255;
  m[end++] = (bitsLow >>> 16) & 255;
  m[end++] = (bitsLow >>> 8) & 255;
  m[end++] = bitsLow & 255;
  for (let offset = 0; offset < end; offset += 64) compress(m, offset);
}

/** The digest in H, its eight words big-endian, into the first 32 bytes of `into`. */
function digestInto(into: Uint8Array): void {
  for (let i = 0; i < 8; i++) {
    const v = H[i] as number;
    into[i * 4] = (v >>> 24) & 255;
    into[i * 4 + 1] = (v >>> 16) & 255;
    into[i * 4 + 2] = (v >>> 8) & 255;
    into[i * 4 + 3] = v & 255;
  }
}

/** H as 64 lower-case hex digits. */
function hexOfState(): string {
  // One flat string from char codes: a concatenation of 32 pieces would be a rope that the next
  // hash (which reads this one character by character) would first have to flatten.
  for (let i = 0; i < 8; i++) {
    const v = H[i] as number;
    for (let j = 0; j < 8; j++) hexCodes[i * 8 + j] = HEX_DIGITS.charCodeAt((v >>> (28 - j * 4)) & 15);
  }
  return String.fromCharCode.apply(null, hexCodes);
}

/**
 * SHA-256 of the UTF-8 encoding of `text` followed by `more`, as 64 lower-case hex digits. Taking the
 * message in two parts lets the change log hash "previous hash + row" without building that string.
 */
export function sha256Hex(text: string, more = ''): string {
  let length = encodeUtf8(text, 0);
  if (more !== '') length = encodeUtf8(more, length);
  H.set(INITIAL);
  finish(length, 0);
  return hexOfState();
}

/**
 * A key prepared for HMAC-SHA-256 (RFC 2104): the states after the inner and outer pad blocks, so each
 * MAC costs the message's own blocks plus one, not two extra blocks of key.
 */
export interface HmacKey {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/** Prepares `key` (its UTF-8 bytes; a key longer than a block is hashed first, as RFC 2104 says). */
export function hmacKey(key: string): HmacKey {
  let length = encodeUtf8(key, 0);
  let keyBytes = bytes.slice(0, length);
  if (length > 64) {
    H.set(INITIAL);
    finish(length, 0);
    keyBytes = new Uint8Array(32);
    digestInto(keyBytes);
    length = 32;
  }
  const state = (pad: number): Int32Array => {
    const block = new Uint8Array(64);
    for (let i = 0; i < 64; i++) block[i] = (i < length ? (keyBytes[i] as number) : 0) ^ pad;
    H.set(INITIAL);
    compress(block, 0);
    return Int32Array.from(H);
  };
  return { inner: state(0x36), outer: state(0x5c) };
}

/** HMAC-SHA-256 of the UTF-8 encoding of `text` followed by `more`, as 64 lower-case hex digits. */
export function hmacSha256Hex(key: HmacKey, text: string, more = ''): string {
  let length = encodeUtf8(text, 0);
  if (more !== '') length = encodeUtf8(more, length);
  H.set(key.inner);
  finish(length, 64);
  // The outer hash takes the inner digest's 32 bytes.
  digestInto(bytes);
  H.set(key.outer);
  finish(32, 64);
  return hexOfState();
}
