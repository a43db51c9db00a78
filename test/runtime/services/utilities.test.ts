import crypto from 'node:crypto';
import { LocalAppsScript } from '../../../runtime';

/** Utilities conformance (developers.google.com/apps-script/reference/utilities/utilities). */
const source = `
function digest(algorithm, value) {
  return Utilities.computeDigest(Utilities.DigestAlgorithm[algorithm], value);
}
function fmt(ms, tz, pattern) {
  return Utilities.formatDate(new Date(ms), tz, pattern);
}
function fmtString() {
  return [
    Utilities.formatString('%s has %d items costing %.2f', 'Ann', 3, 4.5),
    Utilities.formatString('%05d|%-5s|%5s|%%|%,d', 42, 'ab', 'cd', 1234567),
  ];
}
function b64() {
  var bytes = Utilities.base64Decode('aGVsbG8gd29ybGQ=');
  return {
    encoded: Utilities.base64Encode('hello world'),
    unicode: Utilities.base64Encode('é', Utilities.Charset.UTF_8),
    webSafe: Utilities.base64EncodeWebSafe([-5, -1, 62]),
    webSafeBack: Utilities.base64DecodeWebSafe('-_8-'),
    bytes: bytes,
    text: Utilities.newBlob(bytes).getDataAsString(),
  };
}
function badBase64(text) {
  return Utilities.base64Decode(text);
}
function hmac() {
  return Utilities.computeHmacSha256Signature('message', 'secret');
}
function uuid() {
  return Utilities.getUuid();
}
function nap(ms) {
  var t = Date.now();
  Utilities.sleep(ms);
  return Date.now() - t;
}
function wrongArgs() {
  return Utilities.formatDate('2024-01-01', 'UTC', 'yyyy');
}
function badPattern() {
  return Utilities.formatDate(new Date(0), 'UTC', 'yyyy-bb');
}
`;

describe('Utilities', () => {
  const rt = LocalAppsScript.fromSource(source);
  afterAll(() => rt.close());
  const run = (entry: string, ...args: unknown[]) =>
    rt.run(entry, { user: 'a@example.com', spreadsheetId: 'doc1', args });

  test('computeDigest returns signed bytes: SHA-256 of "abc"', async () => {
    // ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad, as Java bytes.
    const expected = [
      -70, 120, 22, -65, -113, 1, -49, -22, 65, 65, 64, -34, 93, -82, 34, 35, -80, 3, 97, -93, -106, 23, 122,
      -100, -76, 16, -1, 97, -14, 0, 21, -83,
    ];
    expect((await run('digest', 'SHA_256', 'abc')).value).toEqual(expected);
  });

  test('computeDigest MD5 / SHA_1 / SHA_512 agree with the standard digests, as signed bytes', async () => {
    for (const [alg, node] of [
      ['MD5', 'md5'],
      ['SHA_1', 'sha1'],
      ['SHA_512', 'sha512'],
    ] as const) {
      const bytes = (await run('digest', alg, 'Work Orders')).value as number[];
      expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
      expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('hex')).toBe(
        crypto.createHash(node).update('Work Orders').digest('hex'),
      );
    }
  });

  test('formatDate across the US spring-forward change (America/New_York)', async () => {
    const before = Date.UTC(2024, 2, 10, 6, 59, 59);
    const after = Date.UTC(2024, 2, 10, 7, 0, 0);
    const pattern = 'yyyy-MM-dd HH:mm:ss z Z XXX';
    expect((await run('fmt', before, 'America/New_York', pattern)).value).toBe(
      '2024-03-10 01:59:59 EST -0500 -05:00',
    );
    expect((await run('fmt', after, 'America/New_York', pattern)).value).toBe(
      '2024-03-10 03:00:00 EDT -0400 -04:00',
    );
    expect((await run('fmt', after, 'America/New_York', "EEEE, MMMM d, yyyy h:mm a 'at' zzzz")).value).toBe(
      'Sunday, March 10, 2024 3:00 AM at Eastern Daylight Time',
    );
  });

  test('formatDate across the UK autumn change (Europe/London): BST then GMT, X prints Z at zero', async () => {
    const before = Date.UTC(2024, 9, 27, 0, 59, 59);
    const after = Date.UTC(2024, 9, 27, 1, 0, 0);
    expect((await run('fmt', before, 'Europe/London', 'HH:mm z X')).value).toBe('01:59 BST +01');
    expect((await run('fmt', after, 'Europe/London', 'HH:mm z X')).value).toBe('01:00 GMT Z');
  });

  test('formatDate numeric fields, quoting, and the YYYY week-year trap', async () => {
    const ms = Date.UTC(2024, 11, 30, 13, 5, 9, 7);
    expect((await run('fmt', ms, 'Etc/UTC', "yy/M/d D E H k K h m s S SSS 'o''clock' ''")).value).toBe(
      "24/12/30 365 Mon 13 13 1 1 5 9 7 007 o'clock '",
    );
    // Java's week year: 30 Dec 2024 is in the week holding 1 Jan 2025.
    expect((await run('fmt', ms, 'Etc/UTC', 'YYYY-MM-dd yyyy-MM-dd w')).value).toBe(
      '2025-12-30 2024-12-30 1',
    );
    expect((await run('fmt', ms, 'GMT+5:30', 'HH:mm Z z')).value).toBe('18:35 +0530 GMT+05:30');
    expect((await run('fmt', ms, 'Asia/Tokyo', 'HH:mm z')).value).toBe('22:05 JST');
  });

  test('formatDate rejects a non-Date and an illegal pattern letter', async () => {
    expect((await run('wrongArgs')).error?.message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect((await run('badPattern')).error?.message).toContain("Illegal pattern character 'b'");
  });

  test('formatString follows Java String.format', async () => {
    expect((await run('fmtString')).value).toEqual([
      'Ann has 3 items costing 4.50',
      '00042|ab   |   cd|%|1,234,567',
    ]);
  });

  test('base64 round trips, web-safe alphabet, signed bytes, Blob text', async () => {
    expect((await run('b64')).value).toEqual({
      encoded: 'aGVsbG8gd29ybGQ=',
      unicode: 'w6k=',
      webSafe: '-_8-',
      webSafeBack: [-5, -1, 62],
      bytes: [104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100],
      text: 'hello world',
    });
    expect((await run('badBase64', 'not base64!')).error?.message).toBe('Could not decode string.');
    // Google's decoder is strict: unpadded base64 (as Gmail's base64url bodies come) fails.
    expect((await run('badBase64', 'aGVsbG8')).error?.message).toBe('Could not decode string.');
  });

  test('computeHmacSha256Signature returns signed bytes of the HMAC', async () => {
    const bytes = (await run('hmac')).value as number[];
    expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('hex')).toBe(
      crypto.createHmac('sha256', 'secret').update('message').digest('hex'),
    );
  });

  test('getUuid gives a v4 UUID; sleep blocks the script for the time asked', async () => {
    expect((await run('uuid')).value).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const slept = (await run('nap', 120)).value as number;
    expect(slept).toBeGreaterThanOrEqual(110);
  });
});
