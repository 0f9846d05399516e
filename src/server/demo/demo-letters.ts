// The demo's letter from a template: the demo worker's confirmation of the first meeting, to the
// main client of her first open case that had one, filled from the case with the text that ships
// (modules/letters) and laid out as the app lays out every letter. It goes among that case's
// documents (demo-documents.ts) as a letter ('brief'), dated the day after the meeting.
import { addDays } from '../lib/dates';
import { dutchDate } from '../lib/dutch-dates';
import { renderPdfDocument } from '../lib/pdf/pdf-render';
import { templateLetterDocument } from '../modules/letters/letter-document';
import { DEFAULT_LETTER_TEMPLATES, fillTemplate } from '../modules/letters/letter-templates';
import type { DemoPaper } from './demo-documents';
import { DEMO_WORKER_EMAIL, type DemoHistory } from './synthetic-history';

export async function demoLetter(history: DemoHistory, { today, organisation, teamNames }: { today: string; organisation: string; teamNames: ReadonlyMap<string, string> }): Promise<DemoPaper | null> {
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL);
  if (!her?.teamId) return null;
  const hers = history.cases.filter((c) => c.leadWorkerId === her.id && c.status !== 'closed');
  const onCase = hers.findIndex((c) => c.firstMeetingOn !== null && c.firstMeetingOn < today);
  const found = hers[onCase];
  if (!found?.firstMeetingOn) return null;
  const clientId = history.caseClients.find((cc) => cc.caseId === found.id && cc.role === 'hoofdclient')?.clientId;
  const client = history.clients.find((c) => c.id === clientId);
  if (!client) return null;
  const team = teamNames.get(found.teamId) ?? '';
  const date = addDays(found.firstMeetingOn, 1);
  const name = `${client.firstName} ${client.lastName}`;
  const values = { naam: name, medewerker: her.name, team, organisatie: organisation, vandaag: dutchDate(date), datum_aanmelding: dutchDate(found.registeredOn), datum_kennismaking: dutchDate(found.firstMeetingOn) };
  const template = DEFAULT_LETTER_TEMPLATES.bevestiging_kennismaking;
  const subject = fillTemplate(template.subject, values);
  const bytes = await renderPdfDocument(
    templateLetterDocument({
      organisation,
      team,
      recipient: { name, street: client.street, houseNumber: client.houseNumber, postcode: client.postcode, city: client.city },
      date,
      workerName: her.name,
      subject,
      body: fillTemplate(template.body, values),
      createdAt: `${date}T10:00:00.000Z`,
    }),
  );
  const daysAgo = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  return { title: subject, fileName: `brief-bevestiging-kennismaking-${date}.pdf`, bytes: Buffer.from(bytes), mediaType: 'application/pdf', onCase, by: 'self', daysAgo, source: 'brief' };
}
