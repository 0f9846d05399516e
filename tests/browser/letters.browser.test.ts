// Letters in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation). The beheerder changes the text of the closing letter with the keyboard: a field
// that does not exist is refused at the field, the saved text is shown as the organisation's own,
// and after a confirmation the text that ships is back. A worker makes an invitation from a case
// with the keyboard: the letter comes filled from the case, what the case does not know is listed
// and refused until it is filled in, and the saved PDF is in the case's documents and reads as the
// letter. axe checks every page, also at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { pdfText } from '../support/pdf-text';
import { apiSession, checkPage, checkPageNarrow, followMenu, login, logout, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = () => page.getByRole('region', { name: 'Afsluiting van de ondersteuning' });
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('the letter templates (Beheer → Brieven)', () => {
  it('lists the three letters with the text that ships, and the fields one may use', async () => {
    await login(page, server.baseUrl, 'beheerder@demo.keukentafel.nl');
    await followMenu(page, 'Brieven');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brieven');
    for (const name of ['Uitnodiging voor een gesprek', 'Bevestiging van de kennismaking', 'Afsluiting van de ondersteuning']) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name }).isVisible()).toBe(true);
    }
    expect(await section().getByText('De standaardtekst van Keukentafel.').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Velden die u kunt gebruiken' }).getByText('{datum_kennismaking}', { exact: true }).isVisible()).toBe(true);
    await checkPage(page, 'brieven');
    await checkPageNarrow(page, 'brieven');
  });

  it('refuses a field that does not exist at the field, saves the own text, and returns focus to the button', async () => {
    const open = section().getByRole('button', { name: 'Tekst aanpassen' });
    await open.focus();
    await page.keyboard.press('Enter');
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(focusedId).toMatch(/subject$/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Beste {naam},\n\nWij stoppen. Uw {adres} blijft bij ons.\n\nGroet, {medewerker}');
    await page.keyboard.press('Enter');
    await section().getByRole('button', { name: 'Tekst opslaan' }).click();
    await expect.poll(() => section().getByText('Dit veld bestaat niet: {adres}.', { exact: false }).first().isVisible()).toBe(true);
    await checkPage(page, 'brieven-fout');
    const body = section().getByRole('textbox', { name: 'Tekst van de brief' });
    await body.fill('Beste {naam},\n\nWij stoppen met de ondersteuning.\n\nGroet, {medewerker}');
    await section().getByRole('button', { name: 'Tekst opslaan' }).click();
    await expect.poll(() => section().getByText('De tekst is opgeslagen. Nieuwe brieven krijgen deze tekst.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tekst aanpassen');
    expect(await section().getByText(/^Eigen tekst van uw organisatie, gewijzigd op \d{1,2} [a-z]+ \d{4} door /).isVisible()).toBe(true);
    expect(await section().getByText('Wij stoppen met de ondersteuning.', { exact: false }).isVisible()).toBe(true);
  });

  it('goes back to the text that ships after a confirmation', async () => {
    await section().getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
    await expect.poll(() => section().getByText('De eigen tekst van uw organisatie gaat dan verloren.', { exact: false }).isVisible()).toBe(true);
    await checkPage(page, 'brieven-terug');
    await section().getByRole('button', { name: 'Ja, standaardtekst gebruiken' }).click();
    await expect.poll(() => section().getByText('De standaardtekst wordt weer gebruikt.').isVisible()).toBe(true);
    await expect.poll(() => section().getByText('De standaardtekst van Keukentafel.').isVisible()).toBe(true);
  });
});

describe('a letter from a case', () => {
  let caseUrl = '';

  beforeAll(async () => {
    const api = await apiSession(server.baseUrl, 'medewerker@demo.keukentafel.nl');
    const registration = await api.post<Registration>('/api/v1/registrations', {
      client: { firstName: 'Lotte', lastName: 'Briefsma', birthDate: '1971-03-03', street: 'Amsterdamsestraatweg', houseNumber: '200', postcode: '3551 CS', city: 'Utrecht' },
      registeredOn: todayInNetherlands(),
      referrerCode: 'zelfmelder',
      question: 'Hulp bij de post',
    });
    const triaged = await api.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
    caseUrl = `${server.baseUrl}/casussen/${triaged.caseId}#documenten`;
  });

  const letterForm = () => page.getByRole('group', { name: 'Brief maken' });

  it('fills the invitation from the case and lists what the case does not know', async () => {
    await logout(page);
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    await page.goto(caseUrl);
    const open = page.getByRole('button', { name: 'Brief maken' });
    await expect.poll(() => open.isVisible()).toBe(true);
    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('brief-nieuw-kind');
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await letterForm().getByRole('button', { name: 'Brief invullen' }).click();
    await expect.poll(focusedId).toBe('brief-nieuw-body');
    const body = letterForm().getByRole('textbox', { name: 'Tekst van de brief' });
    expect(await body.inputValue()).toContain('Beste Lotte Briefsma,');
    expect(await letterForm().getByText('Aan: Lotte Briefsma, Amsterdamsestraatweg 200, 3551 CS Utrecht', { exact: false }).isVisible()).toBe(true);
    expect(await letterForm().getByRole('listitem').allTextContents()).toEqual(['{afspraak_datum}: afspraak datum', '{afspraak_tijd}: afspraak tijd', '{afspraak_plaats}: afspraak plaats']);
    await checkPage(page, 'brief-invullen');
    await checkPageNarrow(page, 'brief-invullen');
  });

  it('refuses to save while a field is left, then saves the completed letter as a PDF among the documents', async () => {
    await letterForm().getByRole('button', { name: 'Opslaan als PDF' }).click();
    await expect.poll(() => letterForm().getByText(/Vul eerst nog in: afspraak datum, afspraak tijd, afspraak plaats/).first().isVisible()).toBe(true);
    const body = letterForm().getByRole('textbox', { name: 'Tekst van de brief' });
    const filled = (await body.inputValue()).replace('{afspraak_datum}', 'donderdag 10 december').replace('{afspraak_tijd}', '10.00 uur').replace('{afspraak_plaats}', 'bij u thuis');
    await body.fill(filled);
    await letterForm().getByRole('button', { name: 'Opslaan als PDF' }).click();
    await expect.poll(() => page.getByText('De brief “Uitnodiging voor een gesprek met het buurtteam” staat als PDF bij de documenten.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Brief maken');
    const row = page.getByRole('list', { name: 'Documenten van deze casus' }).getByRole('listitem').filter({ hasText: 'Uitnodiging voor een gesprek met het buurtteam' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('brief uit een sjabloon');
    const href = await row.getByRole('link').first().getAttribute('href');
    const pdf = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url!)).arrayBuffer())), href);
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain('Lotte Briefsma');
    expect(text).toContain('donderdag 10 december om 10.00 uur');
    await checkPage(page, 'brief-opgeslagen');
  });
});
