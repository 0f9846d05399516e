// The demo's letter: the confirmation of a first meeting that took place, to the main client of the
// demo worker's case, filled from that case with nothing left to fill in, a PDF that reads as the
// letter, among that case's documents as a letter ('brief'), and the same on every run.
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { dutchDate } from '../lib/dutch-dates';
import { fieldsIn } from '../modules/letters/letter-templates';
import { pdfText } from '../../../tests/support/pdf-text';
import { demoDocuments } from './demo-documents';
import { demoLetter } from './demo-letters';
import { DEMO_WORKER_EMAIL, generateDemoHistory } from './synthetic-history';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));
const today = '2026-11-23';
const now = new Date(`${today}T08:30:00Z`);
const history = generateDemoHistory({ seed: 20_161_231, today, now, teams: TEAMS });
const teamNames = new Map(codesFile.teams.map((t) => [`team:${t.code}`, t.label]));
const letter = () => demoLetter(history, { today, organisation: 'Buurtteams Demo', teamNames });

describe('the demo letter', () => {
  it('confirms a first meeting of her case to its main client, with every field filled in', async () => {
    const paper = (await letter())!;
    const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;
    const onCase = history.cases.filter((c) => c.leadWorkerId === her.id && c.status !== 'closed')[paper.onCase]!;
    const client = history.clients.find((c) => c.id === history.caseClients.find((cc) => cc.caseId === onCase.id && cc.role === 'hoofdclient')!.clientId)!;
    expect(paper.source).toBe('brief');
    expect(paper.title).toBe(`Ons gesprek van ${dutchDate(onCase.firstMeetingOn)}`);
    const text = await pdfText(new Uint8Array(paper.bytes));
    expect(text).toContain(`Beste ${client.firstName} ${client.lastName},`);
    expect(text).toContain(her.name);
    expect(fieldsIn(text)).toEqual([]);
    const { documents } = demoDocuments(history, { today, now, newId: () => 'brief', more: [paper] });
    expect(documents.filter((d) => d.source === 'brief')).toEqual([expect.objectContaining({ caseId: onCase.id, title: paper.title, mediaType: 'application/pdf' })]);
  });

  it('is the same on every run', async () => {
    expect(Buffer.compare((await letter())!.bytes, (await letter())!.bytes)).toBe(0);
  });
});
