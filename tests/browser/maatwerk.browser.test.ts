// The whole road of maatwerk in a real browser, on the server as `npm start` runs it (empty
// database → demo organisation, the iWmo gateway's folders from the environment): the demo
// medewerker opens one of her running cases without maatwerk → records a melding (after the form
// asked for what was missing) → the onderzoek's report → a beschikking, its letter downloaded as a
// PDF → a toewijzing to a provider → extends it. The beheerder sends it (WMO301) and reads the
// provider's start (WMO305); the case then shows the real start, and the team leader finds the
// toewijzing counted in the annual report and the beschikking and the start in Uitstroom, each
// exactly one more than before. axe checks every page, at 1366 and at 390 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { AnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { FlowReport } from '../../src/server/modules/reports/flow-report.schemas';
import type { CaseMaatwerk } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import { startFor301, valuesOf } from '../support/iwmo-provider';
import { checkPage, checkPageNarrow, followMenu, login, logout, newPage, openCasePart, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const WORKER = 'medewerker@demo.keukentafel.nl';
const BEHEERDER = 'beheerder@demo.keukentafel.nl';
const LEADER = 'teamleider@demo.keukentafel.nl';
const ASKED = 'Mevrouw kan het huis niet meer schoonhouden sinds haar heupoperatie';
const today = todayInNetherlands();
const year = Number(today.slice(0, 4));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'maatwerk-browser-'));
const outbox = path.join(tmp, 'uit');
const inbox = path.join(tmp, 'in');
const SETTINGS = { KEUKENTAFEL_IWMO_OUTBOX_DIR: outbox, KEUKENTAFEL_IWMO_INBOX_DIR: inbox } as const;
const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));

/** The case the road runs on, and the ToewijzingNummer the provider gets. */
let caseUrl = '';
let assignment = '';
/** The team leader's figures of this year before the road, from the API. */
let before: { annual: AnnualReport; flow: FlowReport };

beforeAll(async () => {
  fs.mkdirSync(outbox);
  fs.mkdirSync(inbox);
  Object.assign(process.env, SETTINGS);
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The annual report and Uitstroom of this year as the logged-in user gets them from the API. */
async function figures(): Promise<{ annual: AnnualReport; flow: FlowReport }> {
  const get = async <T>(url: string) => {
    const response = await page.request.get(`${server.baseUrl}${url}`);
    expect(response.status(), url).toBe(200);
    return (await response.json()) as T;
  };
  return { annual: await get<AnnualReport>(`/api/v1/reports/annual?year=${year}`), flow: await get<FlowReport>(`/api/v1/reports/flow?year=${year}`) };
}
const careynHbh = (report: AnnualReport) => report.provisions.new_by_provider.hbh?.Careyn?.year ?? 0;

const section = () => page.getByRole('region', { name: 'Maatwerkvoorzieningen' });
const request = () => section().getByRole('article').filter({ hasText: ASKED });
const focusedClass = () => page.evaluate(() => document.activeElement?.className ?? '');

describe('maatwerk on the case page', () => {
  it("notes the team leader's figures of this year", async () => {
    await login(page, server.baseUrl, LEADER);
    before = await figures();
    await logout(page);
  });

  it('opens a running case of hers without maatwerk', async () => {
    await login(page, server.baseUrl, WORKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const rows = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // The first whose clients have no maatwerk yet: the beschikking and the start are then their first.
    for (const link of await rows.getByRole('link').all()) {
      const id = /\/casussen\/([0-9a-f-]{36})$/.exec((await link.getAttribute('href')) ?? '')?.[1];
      if (!id) continue;
      const maatwerk = (await (await page.request.get(`${server.baseUrl}/api/v1/cases/${id}/maatwerk`)).json()) as CaseMaatwerk;
      if (maatwerk.requests.length > 0) continue;
      await link.click();
      break;
    }
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    await openCasePart(page, 'Voorzieningen');
    caseUrl = page.url();
    await expect.poll(() => section().getByRole('button', { name: 'Nieuwe aanvraag…' }).isVisible()).toBe(true);
  });

  it('records a melding, after the form asked for what was missing', async () => {
    await section().getByRole('button', { name: 'Nieuwe aanvraag…' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe aanvraag voor een voorziening' });
    await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
    await expect.poll(focusedClass).toContain('kt-error-summary');
    await expect.poll(() => form.getByRole('link', { name: 'Beschrijf wat er gevraagd wordt' }).isVisible()).toBe(true);
    await checkPage(page, 'maatwerk-aanvraag-fout');

    const voorWie = form.getByLabel('Voor wie', { exact: true });
    if ((await voorWie.inputValue()) === '') await voorWie.selectOption({ index: 1 });
    await form.getByLabel('Datum van de melding', { exact: true }).fill(addDays(todayInNetherlands(), -3));
    await form.getByLabel('Wat wordt er gevraagd', { exact: true }).fill(ASKED);
    await form.getByLabel('Soort voorziening', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
    await expect.poll(() => request().getByText('Onderzoek loopt').isVisible()).toBe(true);
    // Six weeks from the melding, three days ago.
    await expect.poll(() => request().textContent()).toMatch(/Verslag uiterlijk .*: loopt/);
    await checkPage(page, 'maatwerk-aanvraag');
  });

  it('records the onderzoek and the beschikking', async () => {
    await request().getByRole('button', { name: 'Verslag onderzoek vastleggen' }).click();
    const research = page.getByRole('form', { name: 'Verslag van het onderzoek' });
    await research.getByLabel('Wat heeft het onderzoek opgeleverd', { exact: true }).fill('Haar dochter woont ver weg; de buurvrouw doet de boodschappen. Schoonmaken lukt niemand.');
    await research.getByRole('button', { name: 'Verslag vastleggen' }).click();
    await expect.poll(() => request().getByText('Onderzocht, besluit nodig').isVisible()).toBe(true);
    await expect.poll(() => request().textContent()).toMatch(/Verslag uiterlijk .*: op tijd/);

    await request().getByRole('button', { name: 'Besluit vastleggen' }).click();
    const decision = page.getByRole('form', { name: 'Besluit (beschikking)' });
    await decision.getByRole('radio', { name: 'Toegekend', exact: true }).check();
    await decision.getByLabel('Motivering', { exact: true }).fill('Mevrouw kan haar huis niet zelf schoonhouden en haar netwerk kan dit niet overnemen.');
    await checkPage(page, 'maatwerk-besluit-formulier');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => request().getByText('Besloten').isVisible()).toBe(true);
    await expect.poll(() => request().textContent()).toMatch(/Beschikking \d+Toegekend op/);
    expect(await request().textContent()).toMatch(/Bezwaar kan tot en met/);
    const [download] = await Promise.all([page.waitForEvent('download'), request().getByRole('link', { name: /^Beschikkingsbrief \d+ downloaden \(PDF\)$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^beschikking-\d+\.pdf$/);
    const bytes = await fs.promises.readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('assigns the provision to a provider and extends it', async () => {
    await request().getByRole('button', { name: 'Toewijzing toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Toewijzing aan een aanbieder' });
    await form.getByLabel('Soort voorziening', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByLabel('Product', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByLabel('Aanbieder', { exact: true }).selectOption({ label: 'Careyn' });
    await form.getByLabel('Einddatum', { exact: true }).fill(addDays(todayInNetherlands(), 90));
    await form.getByLabel('Omvang', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    const provision = request().getByRole('listitem').filter({ hasText: 'Careyn' }).first();
    await expect.poll(() => provision.textContent()).toMatch(/Wacht op start levering/);
    expect(await provision.textContent()).toMatch(/3 uur per week/);
    assignment = /Toewijzingsnummer(\d+)/.exec((await provision.textContent()) ?? '')?.[1] ?? '';
    expect(assignment).toMatch(/^\d+$/);
    await checkPageNarrow(page, 'maatwerk-toewijzing');

    await provision.getByRole('button', { name: 'Verlengen' }).click();
    const extend = page.getByRole('form', { name: 'Toewijzing verlengen' });
    await extend.getByLabel('Nieuwe einddatum', { exact: true }).fill(addDays(todayInNetherlands(), 270));
    await extend.getByRole('button', { name: 'Verlengen' }).click();
    await expect.poll(() => request().getByRole('listitem').filter({ hasText: 'Verlenging:' }).count()).toBe(1);
    await expect.poll(() => request().getByText('Verlengd', { exact: true }).isVisible()).toBe(true);
    await checkPage(page, 'maatwerk-verlengd');
  });
});

describe('to the provider and back', () => {
  it('the beheerder sends the toewijzing (301) and reads the start the provider sent (305)', async () => {
    await logout(page);
    await login(page, server.baseUrl, BEHEERDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'iWmo-berichten' }).click();
    await page.getByRole('button', { name: 'Nu versturen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 120_000 }).toBe('iwmo-resultaat-title');
    // The 301 to Careyn with the new toewijzing (the extension rides along in the same chain).
    const sent = fs
      .readdirSync(outbox)
      .filter((f) => f.startsWith('WMO301_'))
      .map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'))
      .filter((xml) => valuesOf(xml, 'ToewijzingNummer').includes(assignment));
    expect(sent).toHaveLength(1);
    fs.writeFileSync(path.join(inbox, 'start.xml'), startFor301(sent[0]!, assignment, today));
    await page.getByRole('button', { name: 'Nu inlezen' }).click();
    await expect.poll(() => page.locator('.kt-iwmo-status').textContent(), { timeout: 60_000 }).toMatch(/^\s*1 bestand ingelezen: 1 verwerkt, 0 afgekeurd\.\s*$/);
    await checkPage(page, 'maatwerk-iwmo');
  });

  it('the case shows the real start', async () => {
    await logout(page);
    await login(page, server.baseUrl, WORKER);
    await page.goto(caseUrl);
    const provision = request().getByRole('listitem').filter({ hasText: 'Careyn' }).first();
    // The date the provider reported, on the chain's first link (its status says it was extended).
    await expect.poll(() => provision.textContent()).toMatch(/Levering gestart\d{1,2} \p{L}+ \d{4}$/u);
    await checkPage(page, 'maatwerk-gestart');
  });

  it('the annual report counts the toewijzing and Uitstroom the beschikking and the start', async () => {
    await logout(page);
    await login(page, server.baseUrl, LEADER);
    const after = await figures();
    expect(careynHbh(after.annual)).toBe(careynHbh(before.annual) + 1);
    expect(after.annual.provisions.clients_with_new_provision.year).toBeGreaterThanOrEqual(before.annual.provisions.clients_with_new_provision.year);
    const n = (report: FlowReport, road: 'toDecision' | 'toStart') => report.total[road].fromRegistration.n.year;
    expect(n(after.flow, 'toDecision')).toBe(n(before.flow, 'toDecision') + 1);
    expect(n(after.flow, 'toStart')).toBe(n(before.flow, 'toStart') + 1);

    await followMenu(page, 'Jaarverslag');
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(year));
    const providers = page.getByRole('table', { name: 'Nieuwe voorzieningen per aanbieder, per categorie' });
    await expect.poll(() => providers.isVisible()).toBe(true);
    const careyn = await providers.locator('tbody').filter({ hasText: 'Hulp bij het huishouden' }).getByRole('row', { name: /^Careyn/ }).getByRole('cell').allTextContents();
    expect(careyn.at(-1)!.replace(/\./g, '')).toBe(String(careynHbh(after.annual)));
    await checkPage(page, 'maatwerk-jaarverslag');

    await followMenu(page, 'Uitstroom');
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(year));
    const perTeam = page.getByRole('table', { name: `Uitstroom per team in ${year}` });
    await expect.poll(() => perTeam.isVisible()).toBe(true);
    const total = await perTeam.getByRole('row', { name: /^Hele organisatie/ }).getByRole('cell').allTextContents();
    expect(total[1]!.replace(/\./g, '')).toBe(String(n(after.flow, 'toDecision')));
    expect(total[3]!.replace(/\./g, '')).toBe(String(n(after.flow, 'toStart')));
    await checkPage(page, 'maatwerk-uitstroom');
    await checkPageNarrow(page, 'maatwerk-uitstroom');
  });
});
