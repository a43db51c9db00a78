/**
 * Edge cases where Google's reference or live Apps Script decide what a service does. Each test names
 * its source; "gas-fakes" is github.com/brucemcpherson/gas-fakes, whose tests run on live Apps Script.
 */
import { LocalAppsScript, Scope } from '../../runtime';
import { NAMED_COLOR_COUNT } from '../../runtime/host/spreadsheet/colors';

const source = `
function cacheCap(n) {
  var cache = CacheService.getScriptCache();
  var values = {};
  for (var i = 0; i < n; i++) values['k' + i] = String(i);
  cache.putAll(values, 600);
  cache.put('long-lived', 'x', 21600);
  var kept = 0;
  for (var j = 0; j < n; j += 100) {
    var found = cache.getAll(Object.keys(values).slice(j, j + 100));
    kept += Object.keys(found).length;
  }
  return { kept: kept, longLived: cache.get('long-lived') };
}
function locks() {
  var lock = LockService.getScriptLock();
  var out = { negativeTry: lock.tryLock(-100), heldAfterNegative: lock.hasLock() };
  try { lock.waitLock(-100); out.negativeWait = 'acquired'; } catch (e) { out.negativeWait = e.message; }
  out.zeroTry = lock.tryLock(0);
  lock.releaseLock();
  lock.waitLock(0);
  out.zeroWait = lock.hasLock();
  return out;
}
function digests() {
  var hex = function (bytes) {
    return bytes.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');
  };
  var D = Utilities.DigestAlgorithm, C = Utilities.Charset;
  var out = {
    defaultText: hex(Utilities.computeDigest(D.MD5, '€🙂')),
    ascii: hex(Utilities.computeDigest(D.MD5, '€🙂', C.US_ASCII)),
    utf8: hex(Utilities.computeDigest(D.MD5, '€🙂', C.UTF_8)),
    bytes: hex(Utilities.computeDigest(D.MD5, Utilities.newBlob('€🙂').getBytes())),
    hmacDefault: hex(Utilities.computeHmacSha256Signature('café', '€🙂')),
    hmacAscii: hex(Utilities.computeHmacSha256Signature('café', '€🙂', C.US_ASCII)),
  };
  try { Utilities.computeDigest(D.MD5, [0, 1, 2], C.UTF_8); } catch (e) { out.bytesWithCharset = e.message; }
  try { Utilities.computeHmacSha256Signature('a', [1, 2]); } catch (e) { out.mixed = e.message; }
  return out;
}
function byteEdges() {
  var text = 'héllo wörld +/=?';
  var webSafe = Utilities.base64EncodeWebSafe(text, Utilities.Charset.UTF_8);
  var out = {
    webSafe: webSafe,
    viaPlainDecoder: Utilities.newBlob(Utilities.base64Decode(webSafe)).getDataAsString(),
    viaWebSafeDecoder: Utilities.newBlob(Utilities.base64DecodeWebSafe(webSafe)).getDataAsString(),
  };
  var bad = Utilities.newBlob('abc').getBytes().map(function (b) { return b + 'woah'; });
  try { Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, bad); } catch (e) { out.digestBadBytes = e.message; }
  try { Utilities.computeHmacSha256Signature([1, 2], bad); } catch (e) { out.hmacBadBytes = e.message; }
  return out;
}
function colors() {
  var range = SpreadsheetApp.getActiveSheet().getRange('A1:C1');
  range.setBackgrounds([['LightCoral', '#ABCDEF', '#fff']]);
  range.setFontColors([['cornflowerblue', 'red', 'black']]);
  var before = range.getBackgrounds()[0];
  range.getCell(1, 1).setBackground('not-a-real-color');
  return { before: before, fonts: range.getFontColors()[0], afterUnknown: range.getCell(1, 1).getBackground() };
}
function sheetNames() {
  var ss = SpreadsheetApp.getActive();
  var log = ss.insertSheet('Change Log');
  var out = {
    found: ss.getSheetByName('change LOG').getSheetId() === log.getSheetId(),
    byA1: ss.getRange("'CHANGE log'!B2").getSheet().getSheetId() === log.getSheetId(),
  };
  try { ss.insertSheet('change log'); out.insert = 'made'; } catch (e) { out.insert = e.message; }
  var other = ss.insertSheet('Other');
  try { other.setName('CHANGE LOG'); out.rename = 'renamed'; } catch (e) { out.rename = e.message; }
  log.setName('change log');
  out.afterOwnRename = [ss.getSheetByName('Change Log').getName(), ss.getSheetByName('Missing')];
  return out;
}
function notations() {
  var sheet = SpreadsheetApp.getActiveSheet();
  return ['5:7', 'D:F', 'C5:B2', '5:2', 'D:B', '$C$3', 'Sheet1!E10:F12', '$c$11', 'A:A', '1:1'].map(function (a1) {
    var r = sheet.getRange(a1);
    return [r.getA1Notation(), r.getNumRows(), r.getNumColumns()];
  });
}
`;

describe('services at their edges', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
  afterAll(() => rt.close());
  const ssId = rt.createSpreadsheet('Edges', 'owner@example.com');
  const run = async (entry: string, args: unknown[] = []) => {
    const r = await rt.run(entry, { user: 'owner@example.com', spreadsheetId: ssId, args });
    if (!r.ok) throw new Error(r.error?.message);
    return r.value;
  };

  test('Cache: past 1,000 items the cache keeps the 900 farthest from expiration', async () => {
    // Reference (developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)):
    // "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the
    // 900 items farthest from expiration."
    expect(await run('cacheCap', [500])).toEqual({ kept: 500, longLived: 'x' });
    rt.world.cache.script.clear();
    // 1,200 written at once (same expiry): 900 stay; the long-lived one written after makes 901.
    expect(await run('cacheCap', [1200])).toEqual({ kept: 900, longLived: 'x' });
    expect(rt.world.cache.script.size).toBe(901);
  });

  test('Lock: a negative timeout fails even on a free lock; 0 takes a free one', async () => {
    // gas-fakes test/testlock.js, "Lock timeout failures" (run on live Apps Script).
    expect(await run('locks')).toEqual({
      negativeTry: false,
      heldAfterNegative: false,
      negativeWait: 'Lock timeout: another process was holding the lock for too long.',
      zeroTry: true,
      zeroWait: true,
    });
  });

  test('Utilities: a String is digested as US-ASCII unless a charset is given; bytes take none', async () => {
    // gas-fakes test/testutilities.js, "utilities digest" ("default charset with special text is
    // US_ASCII") and the HMAC section ("no explicit charset, default is ascii"; a String with a byte[]
    // or a byte[] with a charset match no signature).
    const out = (await run('digests')) as Record<string, string>;
    expect(out.defaultText).toBe(out.ascii);
    expect(out.utf8).not.toBe(out.ascii);
    expect(out.bytes).toBe(out.utf8);
    expect(out.hmacDefault).toBe(out.hmacAscii);
    expect(out.bytesWithCharset).toMatch(/^The parameters \(.*\) don't match the method signature/);
    expect(out.mixed).toMatch(/^The parameters \(.*\) don't match the method signature/);
  });

  test("Utilities: base64Decode reads the web-safe alphabet; a byte array of text can't be converted", async () => {
    // gas-fakes test/testutilities.js, "utilities base64 encoding" (base64Decode of a web-safe
    // encoding gives the text back) and the digest and HMAC sections (an array of strings such as
    // '12woah' fails with "Cannot convert …"), run on live Apps Script.
    const out = (await run('byteEdges')) as Record<string, string>;
    expect(out.webSafe).toMatch(/[-_]/);
    expect(out.viaPlainDecoder).toBe('héllo wörld +/=?');
    expect(out.viaWebSafeDecoder).toBe('héllo wörld +/=?');
    expect(out.digestBadBytes).toMatch(/^Cannot convert /);
    expect(out.hmacBadBytes).toMatch(/^Cannot convert /);
  });

  test('Colours: CSS names and hex read back as lower-case #rrggbb; an unknown name does not throw', async () => {
    // gas-fakes test/testsheetssets.js, "Color Name Support" (147 CSS names, case-insensitive) and
    // Google issue tracker 428869869 (an invalid colour string is not refused).
    expect(NAMED_COLOR_COUNT).toBe(147);
    expect(await run('colors')).toEqual({
      before: ['#f08080', '#abcdef', '#ffffff'],
      fonts: ['#6495ed', '#ff0000', '#000000'],
      afterUnknown: '#f08080',
    });
  });

  test('Sheet names: getSheetByName ignores case; no second tab may differ only by case', async () => {
    // Reported of live Apps Script, not in the reference (developers.google.com/apps-script/reference/
    // spreadsheet/spreadsheet#getSheetByName(String) says only "a sheet with the given name"); some
    // scripts' authors write that the lookup is exact. The runtime takes the reading that can fool a
    // script. Uniqueness ignoring case is Sheets' own (its UI and API refuse "Sheet1" beside "sheet1":
    // github.com/socialpoint-labs/sheetfu/pull/26), and a tab may be renamed to its own name in
    // another case. A1 notation's tab is found the same way (a formula's sheet reference ignores case).
    expect(await run('sheetNames')).toEqual({
      found: true,
      byA1: true,
      insert: 'A sheet with the name "change log" already exists. Please enter another name.',
      rename: 'A sheet with the name "CHANGE LOG" already exists. Please enter another name.',
      afterOwnRename: ['change log', null],
    });
  });

  test('A1 notation of whole rows and columns, reversed ends, $ and sheet names', async () => {
    // gas-fakes test/testsheetsdeveloper.js, "Range A1 notation", and test/testsheetsvalues.js (lower-case $aa$11).
    expect(await run('notations')).toEqual([
      ['5:7', 3, 26],
      ['D:F', 1000, 3],
      ['B2:C5', 4, 2],
      ['2:5', 4, 26],
      ['B:D', 1000, 3],
      ['C3', 1, 1],
      ['E10:F12', 3, 2],
      ['C11', 1, 1],
      ['A:A', 1000, 1],
      ['1:1', 1, 26],
    ]);
  });
});
