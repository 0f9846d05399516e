// Letters in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation). The beheerder changes the text of the closing letter with the keyboard: a field
// that does not exist is refused at the field, the saved text is shown as the organisation's own,
// and after a confirmation the text that ships is back. axe checks every page, also at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, checkPageNarrow, followMenu, login, newPage, type RunningServer, startServer } from './support';

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
