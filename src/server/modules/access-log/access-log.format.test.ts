import { describe, expect, it } from 'vitest';
import { changedFieldNames, describeAction, SYSTEM_ACTOR, toAccessLogEntry, type AuditRowForLog } from './access-log.format';

const row = (overrides: Partial<AuditRowForLog>): AuditRowForLog => ({
  id: 'a1',
  at: new Date('2026-03-02T13:05:00Z'),
  actorId: 'u1',
  actorName: 'Anna Aalders',
  actorRole: 'medewerker',
  currentRole: 'teamleider',
  teamName: 'Overvecht-Centrum',
  onBehalfOf: null,
  outcome: 'success',
  emergency: false,
  action: 'read',
  entityType: 'client',
  changes: null,
  emergencyReason: null,
  ...overrides,
});

describe('describeAction', () => {
  it('says what was read, searched, exported and printed', () => {
    expect(describeAction(row({ action: 'read', entityType: 'journal' }))).toBe('bekeek het contactjournaal');
    expect(describeAction(row({ action: 'read', entityType: 'client' }))).toBe('bekeek de persoonsgegevens');
    expect(describeAction(row({ action: 'read', entityType: 'plan', changes: { version: 3 } }))).toBe('bekeek versie 3 van het krachtplan');
    expect(describeAction(row({ action: 'search', entityType: 'client', changes: { kind: 'name', results: 2 } }))).toBe('zag de cliënt in de zoekresultaten van Cliënten zoeken');
    expect(describeAction(row({ action: 'search', entityType: 'client', changes: { kind: 'duplicate_check', results: 1 } }))).toBe('zag de cliënt bij een controle op dubbele inschrijving');
    expect(describeAction(row({ action: 'search', entityType: 'client', changes: { kind: 'emergency_bsn', results: 1 } }))).toBe('zag de cliënt in de zoekresultaten voor noodtoegang');
    expect(describeAction(row({ action: 'export', entityType: 'client_file' }))).toBe('exporteerde het dossier');
    expect(describeAction(row({ action: 'export', entityType: 'iwmo_message' }))).toBe('stuurde toewijzingen in een iWmo-bericht naar een aanbieder');
    expect(describeAction(row({ action: 'import', entityType: 'iwmo_message' }))).toBe('ontving een iWmo-bericht van een aanbieder');
    expect(describeAction(row({ action: 'update', entityType: 'provision', changes: { from: { deliveryStartedOn: null }, to: { deliveryStartedOn: '2026-01-05' } } }))).toBe(
      'wijzigde een toewijzing van een voorziening (start van de levering)',
    );
    expect(describeAction(row({ action: 'print', entityType: 'plan' }))).toBe('drukte het krachtplan af');
    expect(describeAction(row({ action: 'read', entityType: 'access_log' }))).toBe('bekeek het overzicht van wie het dossier inzag');
  });

  it('says in which list the client was seen', () => {
    expect(describeAction(row({ action: 'list', entityType: 'my_work' }))).toBe('zag de cliënt in de lijst Mijn werk');
    expect(describeAction(row({ action: 'list', entityType: 'dashboard' }))).toBe('zag de cliënt op Mijn dag');
    expect(describeAction(row({ action: 'list', entityType: 'team_overview' }))).toBe('zag de cliënt in het teamoverzicht');
    expect(describeAction(row({ action: 'list', entityType: 'registration_list' }))).toBe('zag de cliënt in de lijst Aanmeldingen');
    expect(describeAction(row({ action: 'list', entityType: 'destruction_queue' }))).toBe('zag gegevens uit het dossier, zonder naam, bij Bewaartermijn en vernietiging');
    expect(describeAction(row({ action: 'list', entityType: 'some_new_list' }))).toBe('zag de cliënt in een lijst (some new list)');
  });

  it('says what a refused attempt tried, not that it happened', () => {
    expect(describeAction(row({ outcome: 'denied', action: 'read', entityType: 'client' }))).toBe('probeerde het dossier te bekijken');
    expect(describeAction(row({ outcome: 'denied', action: 'read', entityType: 'case' }))).toBe('probeerde de casus te bekijken');
    expect(describeAction(row({ outcome: 'denied', action: 'create', entityType: 'case' }))).toBe('probeerde iets vast te leggen in de casus');
    expect(describeAction(row({ outcome: 'denied', action: 'update', entityType: 'contact' }))).toBe('probeerde een contact in het contactjournaal te wijzigen');
    expect(describeAction(row({ outcome: 'denied', action: 'export', entityType: 'client' }))).toBe('probeerde het dossier te exporteren');
    expect(describeAction(row({ outcome: 'denied', action: 'emergency_access', entityType: 'client' }))).toBe('probeerde noodtoegang te krijgen');
  });

  it('names the changed fields of an update in Dutch, each once, without their values', () => {
    // The stored JSON may list the keys in any order; the sentence lists them in one order.
    const changes = { from: { street: 'Oudeweg', postcode: '3562AB', lastName: 'Jansen' }, to: { street: 'Nieuweweg', postcode: '3563CD', lastName: 'Janssen' } };
    const text = describeAction(row({ action: 'update', entityType: 'client', changes }));
    expect(text).toBe('wijzigde de persoonsgegevens (achternaam, adres)');
    for (const value of ['Jansen', 'Janssen', 'Oudeweg', 'Nieuweweg', '3562AB', '3563CD']) expect(text).not.toContain(value);
    expect(changedFieldNames({ from: { someNewField: 1 }, to: { someNewField: 2, version: 3 } })).toEqual(['some new field']);
    expect(describeAction(row({ action: 'update', entityType: 'plan', changes: { version: 4, changes: [{ label: 'Doel', from: 'geheim', to: 'nieuw' }] } }))).toBe('wijzigde het krachtplan (nieuwe versie 4)');
  });

  it('shows the reason of a break-the-glass access, from the grant or from the row', () => {
    expect(describeAction(row({ action: 'emergency_access', entityType: 'emergency_access', emergencyReason: 'Crisis in de nacht' }))).toBe('noodtoegang (break the glass): Crisis in de nacht');
    expect(describeAction(row({ action: 'emergency_access', entityType: 'client', changes: { reason: 'Melding politie' } }))).toBe('noodtoegang (break the glass): Melding politie');
    expect(describeAction(row({ action: 'attach', entityType: 'client', changes: { reason: 'Nieuwe vraag over schulden bij ons team', identifiedBy: 'bsn' } }))).toBe(
      'koppelde de cliënt aan een aanmelding of huishouden van het eigen team: Nieuwe vraag over schulden bij ons team',
    );
    expect(describeAction(row({ action: 'attach', entityType: 'client', changes: null }))).toBe('koppelde de cliënt aan een aanmelding of huishouden van het eigen team');
    expect(describeAction(row({ action: 'emergency_access', entityType: 'client' }))).toBe('noodtoegang (break the glass)');
  });

  it('names every kind of record the audit writes, and a stored kind it no longer writes as stored', () => {
    expect(describeAction(row({ action: 'create', entityType: 'quality_report' }))).toBe('legde een kwaliteitsmelding vast');
    expect(describeAction(row({ action: 'create', entityType: 'old_kind' }))).toBe('legde gegevens (old kind) vast');
  });
});

describe('toAccessLogEntry', () => {
  it('shows the role at the time, the team, the outcome and the emergency flag', () => {
    expect(toAccessLogEntry(row({ outcome: 'denied', emergency: true }))).toEqual({
      id: 'a1',
      at: '2026-03-02T13:05:00.000Z',
      who: 'Anna Aalders',
      role: 'Buurtteammedewerker',
      team: 'Overvecht-Centrum',
      what: 'probeerde het dossier te bekijken',
      onBehalfOf: null,
      outcome: 'geweigerd',
      emergency: true,
    });
    expect(toAccessLogEntry(row({ actorRole: null })).role).toBe('Teamleider');
  });

  it('shows work from the command line as the system', () => {
    const entry = toAccessLogEntry(row({ actorId: null, actorName: null, actorRole: null, currentRole: null, teamName: null, onBehalfOf: 'opdrachtregel', action: 'import', entityType: 'history' }));
    expect(entry).toMatchObject({ who: SYSTEM_ACTOR, role: null, team: null, onBehalfOf: 'opdrachtregel', outcome: 'gelukt', what: 'importeerde de registratiegeschiedenis' });
  });
});
