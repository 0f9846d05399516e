// Tasks and notifications in a real browser, on the server as `npm start` runs it (empty database →
// demo organisation): the demo medewerker gives her team leader a task with the keyboard alone (the
// form takes focus, the counter counts, a day in the past is refused in Dutch, focus returns to the
// button); the team leader logs in, has one more unread notification, reads it, finds the task on Mijn
// dag and marks it done with one click. The demo's own late tasks are marked "Te laat" in words.
// axe checks every page, at full width and at 390 px, where nothing scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, checkPageNarrow, login, logout, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const TITLE = 'Wachtlijst bespreken in het teamoverleg';
const LEADER = 'Mehmet Yıldız';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '' }));
const fitsAt390 = async () => {
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    return await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  } finally {
    if (wide) await page.setViewportSize(wide);
  }
};
const myTasks = () => page.getByRole('list', { name: 'Mijn open taken' });

/** The unread count as the Berichten page says it. */
async function unreadOnPage(): Promise<number> {
  await page.goto(`${server.baseUrl}/berichten`);
  const summary = page.getByText(/^U heeft (geen|\d+) ongelezen bericht(en)?\.$/);
  await expect.poll(() => summary.isVisible()).toBe(true);
  const text = (await summary.textContent())!;
  return text.includes('geen') ? 0 : Number(/(\d+)/.exec(text)![1]);
}

describe('a task for a colleague, and the notification', () => {
  let leaderUnreadBefore = 0;

  it('the team leader’s count before', async () => {
    await login(page, server.baseUrl, 'teamleider@demo.keukentafel.nl');
    leaderUnreadBefore = await unreadOnPage();
    await logout(page);
  });

  it('Mijn dag shows her open tasks, the late ones marked in words', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/mijn-dag`);
    await expect.poll(() => myTasks().isVisible()).toBe(true);
    const late = myTasks().getByRole('listitem').filter({ hasText: 'Te laat:' });
    expect(await late.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByText(/\d+ taken zijn te laat\./).isVisible()).toBe(true);
    // Late ones first: the list is by due day.
    const items = await myTasks().getByRole('listitem').allTextContents();
    expect(items[0]).toMatch(/Te laat:/);
    await checkPage(page, 'mijn-dag-taken');
    await checkPageNarrow(page, 'mijn-dag-taken');
    expect(await fitsAt390()).toBe(true);
  });

  it('she gives her team leader a task with the keyboard alone', async () => {
    const open = page.getByRole('button', { name: 'Nieuwe taak', exact: true });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.focus();
    await page.keyboard.press('Enter');
    // Focus goes into the form, to its first field.
    await expect.poll(async () => (await focused()).id).toBe('mijn-dag-taak-title');
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Nieuwe taak' });

    // Cancel puts focus back on the button.
    await page.keyboard.type('Iets');
    await form.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).text).toBe('Nieuwe taak');
    expect(await open.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('mijn-dag-taak-title');
    await page.keyboard.type(TITLE);
    await expect.poll(() => form.getByText(`Nog ${120 - TITLE.length} van 120 tekens`).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Graag de cijfers van deze maand erbij.');
    // The day: yesterday is refused in Dutch before anything is sent.
    await page.keyboard.press('Tab');
    const due = form.getByLabel('Klaar op', { exact: true });
    expect(await due.evaluate((el) => el === document.activeElement)).toBe(true);
    const today = await due.inputValue();
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await due.fill(yesterday);
    // Tab walks through the date's day, month and year, then on to "Voor wie".
    const whom = form.getByLabel('Voor wie', { exact: true });
    for (let i = 0; i < 4 && !(await whom.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await whom.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => whom.locator('option').allTextContents()).toContain(LEADER);
    await whom.selectOption({ label: LEADER });
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Taak opslaan');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByRole('link', { name: /De datum ligt in het verleden/ }).isVisible()).toBe(true);
    await checkPage(page, 'taak-fout');

    await due.fill(today);
    await form.getByRole('button', { name: 'Taak opslaan' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(`De taak staat klaar voor ${LEADER}.`).isVisible()).toBe(true);
    await expect.poll(async () => (await focused()).text).toBe('Nieuwe taak');
    // Not in her own list: it is his.
    expect(await myTasks().getByText(TITLE).count()).toBe(0);
    await checkPage(page, 'taak-gegeven');
    await page.goto(`${server.baseUrl}/taken`);
    await expect.poll(() => page.getByRole('list', { name: 'Door mij gegeven, nog open' }).getByText(TITLE).isVisible()).toBe(true);
    await checkPage(page, 'taken');
    await logout(page);
  });

  it('the team leader has one more unread notification, which names the task', async () => {
    await login(page, server.baseUrl, 'teamleider@demo.keukentafel.nl');
    expect(await unreadOnPage()).toBe(leaderUnreadBefore + 1);
    // The header says the same.
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: `Berichten, ${leaderUnreadBefore + 1} ongelezen`, exact: true }).isVisible()).toBe(true);
    const item = page.getByRole('listitem').filter({ hasText: `Sanne Verhoeven heeft u een taak gegeven: ${TITLE}.` });
    expect(await item.getByText('Nieuw:').isVisible()).toBe(true);
    await checkPage(page, 'berichten');
    await checkPageNarrow(page, 'berichten');
    expect(await fitsAt390()).toBe(true);
    await item.getByRole('button', { name: /^Gelezen/ }).click();
    await expect.poll(() => page.getByText(leaderUnreadBefore === 0 ? 'U heeft geen ongelezen berichten.' : /U heeft \d+ ongelezen bericht/).isVisible()).toBe(true);
    expect(await unreadOnPage()).toBe(leaderUnreadBefore);
    const after = leaderUnreadBefore === 0 ? 'Berichten' : `Berichten, ${leaderUnreadBefore} ongelezen`;
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: after, exact: true }).isVisible()).toBe(true);
  });

  it('he finds the task on Mijn dag and marks it done with one click', async () => {
    await page.goto(`${server.baseUrl}/mijn-dag`);
    const task = myTasks().getByRole('listitem').filter({ hasText: TITLE });
    await expect.poll(() => task.isVisible()).toBe(true);
    expect(await task.textContent()).toContain('Van Sanne Verhoeven');
    expect(await task.textContent()).toContain('Graag de cijfers van deze maand erbij.');
    await checkPageNarrow(page, 'mijn-dag-teamleider');
    expect(await fitsAt390()).toBe(true);
    await task.getByRole('button', { name: `Klaar: ${TITLE}` }).click();
    await expect.poll(() => page.getByRole('status').getByText(`“${TITLE}” is afgerond.`).isVisible()).toBe(true);
    expect(await myTasks().getByText(TITLE).count()).toBe(0);
    // Focus stays within reach: on the offer to undo it.
    await expect.poll(async () => (await focused()).text).toBe('Ongedaan maken');
    await checkPage(page, 'taak-afgerond');
    await page.goto(`${server.baseUrl}/taken`);
    await expect.poll(() => page.getByRole('list', { name: 'Mijn laatst afgeronde taken' }).getByText(TITLE).isVisible()).toBe(true);
    // The team leader also sees the open tasks of the whole team.
    await expect.poll(() => page.getByRole('list', { name: 'Open taken van het team' }).getByText('Huisbezoek plannen met de dochter erbij').isVisible()).toBe(true);
    await checkPage(page, 'taken-teamleider');
    await checkPageNarrow(page, 'taken-teamleider');
    expect(await fitsAt390()).toBe(true);
  });
});
