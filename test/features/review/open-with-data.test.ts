/**
 * Review & assign opens with its queue in the page (through dist/Code.js): the menu item's sidebar
 * carries the same view reviewLoad returns, so the page needs no first call; text anyone can type
 * (a description that tries to close the script element) stays inert data; a refused caller gets an
 * alert and no page. A reviewLoad reply crosses google.script.run with every date an ISO string.
 */
import { ReviewLoadResponseSchema, type ReviewLoadResponse } from '../../../src/shared/review';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { shownSidebar } from '../../support/first-data';
import { itemIn, load, submitRequests } from './helpers';

const HOSTILE = '</script><script>alert("x")</script><!--<script> & </SCRIPT > \u2028 <b>bold</b>';

describe('the Review & assign sidebar opens with its queue', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await submitRequests(wb, [
      { description: 'Hallway light flickers', location: 'Main Building' },
      { description: HOSTILE, location: 'Annex' },
    ]);
  });
  afterAll(() => wb.close());

  test('the page carries the view reviewLoad would return, hostile text kept as inert data', async () => {
    expect((await wb.menu(SUPERVISOR, 'openReviewSidebar')).ok).toBe(true);
    const page = shownSidebar(wb, SUPERVISOR);
    expect(page.blockText).not.toBeNull();
    // Nothing typed by a person can end the block or start markup inside it.
    expect(page.blockText).not.toMatch(/[<>&]/);
    const first = ReviewLoadResponseSchema.safeParse(page.data);
    expect(first.success).toBe(true);
    const embedded = page.data as ReviewLoadResponse;
    if (!embedded.ok) throw new Error(embedded.message);
    const { reply } = await load(wb, SUPERVISOR);
    if (!reply.ok) throw new Error(reply.message);
    expect({ ...embedded.view, generatedAt: '' }).toEqual({ ...reply.view, generatedAt: '' });
    const items = embedded.view.sections.submitted.items;
    expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
    const hostile = items.find((i) => i.id === ids[1]);
    // (Intake folds the line separator into a space; the markup arrives as typed.)
    expect(hostile?.description).toContain('</script><script>alert("x")</script><!--<script> & </SCRIPT >');
    // The page's own scripts are all there is to run: the block is the only addition.
    const scripts = (html: string) => (html.match(/<script/gi) ?? []).length;
    expect(scripts(page.html)).toBe(scripts(wb.rt.world.htmlFiles.ReviewSidebar!) + 1);
  });

  test('a technician is refused with an alert and shown no page', async () => {
    const alerts = wb.rt.world.ui.alerts(wb.ssId, TECH).length;
    expect((await wb.menu(TECH, 'openReviewSidebar')).ok).toBe(true);
    expect(wb.rt.world.ui.alerts(wb.ssId, TECH)).toHaveLength(alerts + 1);
    expect(wb.rt.world.ui.lastSidebar(wb.ssId, TECH)).toBeNull();
  });
});

test('a load reply crosses google.script.run intact: no Date anywhere, every date an ISO string', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = await submitRequests(wb, [{ description: 'Dates' }]);
    const reply = await wb.rt.callFromHtml('reviewLoad', [], SUPERVISOR, wb.ssId);
    if (!reply.ok) throw new Error(reply.error);
    // callFromHtml turns a reply holding a Date into null, as google.script.run does.
    expect(reply.value).not.toBeNull();
    const { reply: parsed } = await load(wb, SUPERVISOR);
    if (!parsed.ok) throw new Error(parsed.message);
    const item = itemIn(parsed.view, id!);
    expect(item.requestedAt).toBe(wb.order(id!).requestedAt!.toISOString());
  } finally {
    await wb.close();
  }
});
