// The agenda in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation), at 1280 px and at 390 px: the demo medewerker makes an appointment from the case
// page with the keyboard alone (the header's "Nieuwe afspraak" opens the form with focus in it, saving
// closes it, says so and puts focus back), sees it in her week, marks it "took place" with one click
// and finds the journal entry it became; she makes an agenda-feed address, which a real iCalendar
// parser (ical.js) reads without the client's name or BSN in it, and revokes it: the address then
// answers 404. axe checks every page; nothing scrolls sideways at 390 px.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { launchChromium } from '../support/chromium';
import { apiSession, checkPage, checkPageNarrow, followMenu, login, newPage, openCasePart, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const WORKER = 'medewerker@demo.keukentafel.nl';
const today = todayInNetherlands();
const CLIENT = { firstName: 'Wilhelmina', lastName: 'Agendatest', birthDate: '1949-05-04', bsn: '123456782' };
let caseId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
  // A case of her own, with a name the feed must not show.
  const api = await apiSession(server.baseUrl, WORKER);
  const registration = await api.post<Registration>('/api/v1/registrations', { client: CLIENT, registeredOn: addDays(today, -3), referrerCode: 'zelfmelder', question: 'Hulp bij de administratie' });
  const triaged = await api.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
  caseId = triaged.caseId!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', name: document.activeElement?.getAttribute('aria-label') ?? '' }));
/** Tab until the field with this id has focus (a date or time field takes a Tab per part: day, month, year). */
async function tabTo(id: string) {
  for (let i = 0; i < 8 && (await focused()).id !== id; i++) await page.keyboard.press('Tab');
  expect((await focused()).id).toBe(id);
}
const fitsAt390 = async () => {
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    return await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  } finally {
    if (wide) await page.setViewportSize(wide);
  }
};

describe('an appointment that becomes a journal entry', () => {
  it('she makes an appointment from the case page with the keyboard alone', async () => {
    await login(page, server.baseUrl, WORKER);
    await page.goto(`${server.baseUrl}/casussen/${caseId}`);
    const open = page.getByRole('button', { name: 'Nieuwe afspraak', exact: true });
    await expect.poll(() => open.isVisible()).toBe(true);
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#afspraken');
    // Focus goes into the form: the first choice of "Soort afspraak".
    await expect.poll(async () => (await focused()).id).toBe('afspraak-nieuw-kind');
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    // Huisbezoek → Op kantoor → Telefonisch with the arrow keys.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Telefonisch' }).isChecked()).toBe(true);
    // The date stays today.
    await tabTo('afspraak-nieuw-startTime');
    // Begun already, whenever the test runs: it can become a journal entry at once.
    await page.keyboard.type('0000');
    await tabTo('afspraak-nieuw-endTime');
    await page.keyboard.type('0030');
    expect(await page.locator('#afspraak-nieuw-startTime').inputValue()).toBe('00:00');
    expect(await page.locator('#afspraak-nieuw-endTime').inputValue()).toBe('00:30');
    // Past the place: a call needs none.
    await tabTo('afspraak-nieuw-withWhom');
    await page.keyboard.type('Mevrouw en haar dochter');
    await checkPage(page, 'afspraak-formulier');
    await checkPageNarrow(page, 'afspraak-formulier');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/^De afspraak op .+ om 00:00 staat in de agenda/).isVisible()).toBe(true);
    // The form closed and focus went back to its button.
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await focused()).name).toBe('Nieuwe afspraak');
    const list = page.getByRole('group', { name: 'Komende afspraken van deze casus' });
    await expect.poll(() => list.getByText('Telefonisch', { exact: false }).first().isVisible()).toBe(true);
    expect(await fitsAt390()).toBe(true);
  });

  it('she sees it in her week', async () => {
    await followMenu(page, 'Agenda');
    await expect.poll(() => page.getByRole('heading', { name: 'Agenda', level: 1 }).isVisible()).toBe(true);
    const mine = page.getByRole('group', { name: /^Mijn afspraken, Week van/ });
    await expect.poll(() => mine.isVisible()).toBe(true);
    const item = mine.getByRole('listitem').filter({ hasText: '00:00–00:30' }).filter({ hasText: `Casus van ${CLIENT.firstName} ${CLIENT.lastName}` });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Met: Mevrouw en haar dochter');
    await checkPage(page, 'agenda-week');
    await checkPageNarrow(page, 'agenda-week');
    expect(await fitsAt390()).toBe(true);
    // The day view, and back: the address keeps the choice.
    await page.getByRole('button', { name: 'Dag', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('weergave')).toBe('dag');
    await page.getByRole('button', { name: 'Volgende dag' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('dag')).toBe(addDays(today, 1));
    await page.getByRole('button', { name: 'Vandaag' }).click();
    await expect.poll(() => page.getByRole('group', { name: /^Mijn afspraken, / }).getByText('00:00–00:30').first().isVisible()).toBe(true);
  });

  it('one click: it took place, and the journal has the entry', async () => {
    await page.goto(`${server.baseUrl}/casussen/${caseId}#afspraken`);
    const button = page.getByRole('button', { name: 'Heeft plaatsgevonden, maak een journaalregel: Telefonisch 00:00–00:30' });
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'Naar de journaalregel' });
    await expect.poll(() => link.isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/staat nu als journaalregel in het contactjournaal/).isVisible()).toBe(true);
    await checkPage(page, 'afspraak-plaatsgevonden');
    await link.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#journaal');
    const entry = page.getByRole('list', { name: 'Contacten, nieuwste eerst' }).getByRole('listitem').first();
    await expect.poll(async () => (await entry.textContent()) ?? '').toMatch(/Telefonisch op .+, 00:00–00:30, met Mevrouw en haar dochter\./);
    // And on the case's appointments, folded under the earlier ones, it is marked in words.
    await openCasePart(page, 'Afspraken');
    await page.getByText(/^Eerdere afspraken \(1\)$/).click();
    const earlier = page.getByRole('group', { name: 'Eerdere afspraken van deze casus' });
    await expect.poll(() => earlier.getByText('· Heeft plaatsgevonden').isVisible()).toBe(true);
    expect(await earlier.getByRole('link', { name: 'In het journaal' }).getAttribute('href')).toBe(`/casussen/${caseId}#journaal`);
  });
});

describe('the agenda in Outlook', () => {
  let address = '';

  it('she makes a secret address, shown once, that a real parser reads without names', async () => {
    await page.goto(`${server.baseUrl}/agenda`);
    const make = page.getByRole('button', { name: /^(Adres maken|Nieuw adres maken)/ });
    await expect.poll(() => make.isVisible()).toBe(true);
    await make.click();
    const field = page.getByLabel('Uw nieuwe adres (u ziet het maar één keer)');
    await expect.poll(() => field.isVisible()).toBe(true);
    address = await field.inputValue();
    expect(address).toMatch(/\/api\/v1\/agenda-feed\/agenda\.ics\?token=[\w-]{43,}$/);
    await checkPage(page, 'agenda-feed');
    await checkPageNarrow(page, 'agenda-feed');
    expect(await fitsAt390()).toBe(true);

    const response = await fetch(address);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    for (const secret of [CLIENT.firstName, CLIENT.lastName, CLIENT.bsn, 'dochter']) expect(text).not.toContain(secret);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const ours = events.filter((e) => e.summary === `Telefonisch · Casus ${caseId.slice(0, 8).toUpperCase()}`);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.uid).toMatch(/@keukentafel$/);
    // The demo gives her more appointments this week and next; each has its own UID.
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) expect(e.summary).toMatch(/^(Afgezegd: )?(Huisbezoek|Op kantoor|Telefonisch|Videogesprek) · Casus [0-9A-F]{8}$/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('after a reload the address is not shown again; revoked, it answers 404', async () => {
    await page.reload();
    await expect.poll(() => page.getByText(/^U heeft een adres, gemaakt op/).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(new URL(address).searchParams.get('token')!);
    const revoke = page.getByRole('button', { name: 'Adres intrekken' });
    await revoke.click();
    const yes = page.getByRole('button', { name: 'Ja, intrekken' });
    await expect.poll(async () => (await focused()).text).toBe('Ja, intrekken');
    await yes.click();
    await expect.poll(() => page.getByText(/^Het adres werkt niet meer/).isVisible()).toBe(true);
    expect((await fetch(address)).status).toBe(404);
    await expect.poll(() => page.getByText('U heeft nog geen adres.').isVisible()).toBe(true);
  });
});
