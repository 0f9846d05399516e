import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '../../../server/access/permissions';
import { currentItem, navigationFor, startPath } from './navigation';

const team = { id: 't1', code: 'overvecht-centrum', name: 'Overvecht Centrum' };
const user = (role: Role, inTeam = role === 'medewerker' || role === 'teamleider') => ({ permissions: [...ROLE_PERMISSIONS[role]], team: inTeam ? team : null });
const shape = (role: Role) => navigationFor(user(role)).map((g) => `${g.label}${g.inline ? '' : ' ▾'}: ${g.items.map((i) => i.label).join(', ')}`);

describe('where each role starts', () => {
  it('sends a worker to Mijn dag, the team leader to the team, the others to their own work', () => {
    expect(startPath(user('medewerker'))).toBe('/mijn-dag');
    expect(startPath(user('teamleider'))).toBe('/team');
    expect(startPath(user('kwaliteit'))).toBe('/kwaliteit');
    expect(startPath(user('analist'))).toBe('/cijfers');
    expect(startPath(user('beheerder'))).toBe('/beheer/iwmo');
  });

  it('does not send a worker without a team to screens of the team', () => {
    expect(startPath(user('medewerker', false))).toBe('/geen-toegang');
    expect(startPath(user('teamleider', false))).toBe('/kwaliteit');
    expect(startPath({ permissions: [], team: null })).toBe('/geen-toegang');
  });
});

describe('the menu per role', () => {
  it('groups the screens each role may open, the daily ones in the bar', () => {
    expect(shape('medewerker')).toEqual(['Werk: Mijn dag, Mijn werk, Taken, Agenda, Aanmeldingen, Nieuwe aanmelding, Cliënten', 'Kwaliteit en toegang ▾: Melding doen, Noodtoegang']);
    expect(shape('teamleider')).toEqual([
      'Werk: Mijn dag, Mijn werk, Taken, Agenda, Aanmeldingen, Nieuwe aanmelding, Cliënten',
      'Team: Team',
      'Cijfers ▾: Cijfers per team, Jaarverslag, ZRM-voortgang, Uitstroom',
      'Kwaliteit en toegang ▾: Kwaliteit, Melding doen, Noodtoegang',
    ]);
    expect(shape('kwaliteit')).toEqual([
      'Kwaliteit en toegang: Kwaliteit, Melding doen, Noodtoegang, Toegang beoordelen, Bewaartermijn en vernietiging',
      'Cijfers ▾: Cijfers per team, Jaarverslag, ZRM-voortgang, Uitstroom',
    ]);
    expect(shape('analist')).toEqual(['Cijfers: Cijfers per team, Jaarverslag, ZRM-voortgang, Uitstroom']);
    expect(shape('beheerder')).toEqual(['Beheer: iWmo-berichten, Import, Brieven', 'Cijfers ▾: Cijfers per team, Jaarverslag, ZRM-voortgang, Uitstroom']);
  });

  it('marks the item a page belongs to: the longest match, a page below it too', () => {
    const groups = navigationFor(user('kwaliteit'));
    expect(currentItem(groups, '/kwaliteit')?.label).toBe('Kwaliteit');
    expect(currentItem(groups, '/kwaliteit/toegang')?.label).toBe('Toegang beoordelen');
    expect(currentItem(groups, '/kwaliteit/meldingen/123')?.label).toBe('Kwaliteit');
    expect(currentItem(groups, '/kwaliteitsplan')).toBeNull();
    const worker = navigationFor(user('medewerker'));
    expect(currentItem(worker, '/aanmeldingen/nieuw')?.label).toBe('Nieuwe aanmelding');
    expect(currentItem(worker, '/aanmeldingen/abc')?.label).toBe('Aanmeldingen');
    expect(currentItem(worker, '/clienten/abc')?.label).toBe('Cliënten');
    expect(currentItem(worker, '/agenda')?.label).toBe('Agenda');
    expect(currentItem(worker, '/casussen/abc')).toBeNull();
  });
});
