import { describe, expect, it } from 'vitest';
import codesFile from '../reference/codes.json' with { type: 'json' };
import { validateExchange, type ExchangeCodes } from './exchange-format';

const codes: ExchangeCodes = {
  teams: new Set(codesFile.teams.map((t) => t.code)),
  referrers: new Set(codesFile.referrers.map((r) => r.code)),
  closeReasons: new Set(codesFile.close_reasons.map((r) => r.code)),
  closeOutcomes: new Set(codesFile.close_outcomes.map((r) => r.code)),
  zrmDomains: codesFile.zrm_domains.map((d) => d.code),
  provisionCategories: new Set(codesFile.provision_categories.map((c) => c.code)),
  productCategory: new Map(codesFile.provision_products.map((p) => [p.code, p.category])),
};
const TODAY = '2026-11-23';

const good = {
  'clients.csv': 'client_id,bsn,birth_date,gender,postcode\nC1,999993847,1970-01-01,v,3511ab\nC2,,,,\n',
  'cases.csv':
    'case_id,team_code,registered_on,referrer,first_meeting_on,first_meeting_location,closed_on,close_reasons,close_outcomes,satisfaction_score,can_continue_alone\n' +
    'K1,zuilen,2016-01-04,,2016-01-06,thuis,2016-05-01,volgens_plan;eenzijdig_client,eigen_netwerk,8,ja\n',
  'case_clients.csv': 'case_id,client_id,role\nK1,C1,hoofdclient\nK1,C2,huishoudlid\n',
  'provisions.csv':
    'provision_id,case_id,client_id,category,product,provider,start_on,end_on,extends_provision_id,voided\n' +
    'P2,K1,C1,begeleiding,iab_groot,Lister,2016-07-01,,P1,\nP1,K1,C1,begeleiding,iab_groot,Lister,2016-02-01,2016-06-30,,nee\n',
  'zrm.csv': 'assessment_id,case_id,client_id,assessed_on,type,financien,justitie\nZ1,K1,C2,2016-01-06,,2,5\n',
};

describe('exchange format', () => {
  it('reports text the database cannot store (a NUL, a lone surrogate) at the line of its record', () => {
    const files = { ...good, 'clients.csv': `${good['clients.csv']}C\u00003,,,,\n`, 'case_clients.csv': 'case_id,client_id,role\nK1,C1,hoofdclient\nK1,"C2\n\ud800",huishoudlid\n' };
    expect(validateExchange(files, codes, TODAY).problems).toEqual(
      expect.arrayContaining([
        { file: 'clients.csv', line: 4, message: 'bevat een nulteken; haal het weg en sla het bestand opnieuw op' },
        { file: 'case_clients.csv', line: 3, message: 'bevat een teken dat geen geldige tekst is; sla het bestand op als UTF-8' },
      ]),
    );
  });

  it('reads a valid folder into typed rows with normalised values and defaults', () => {
    const { problems, history, rowCounts } = validateExchange(good, codes, TODAY);
    expect(problems).toEqual([]);
    expect(history!.clients[0]).toEqual({ id: 'C1', bsn: '999993847', birthDate: '1970-01-01', gender: 'v', postcode: '3511 AB' });
    expect(history!.cases[0]).toMatchObject({ referrer: 'onbekend', closeReasons: ['volgens_plan', 'eenzijdig_client'], satisfactionScore: 8, canContinueAlone: true });
    expect(history!.zrm[0]).toMatchObject({ type: 'onbekend', scores: { financien: 2, justitie: 5 } });
    expect(history!.provisions.find((p) => p.id === 'P2')).toMatchObject({ extendsId: 'P1', voided: false });
    expect(rowCounts).toMatchObject({ 'clients.csv': 2, 'cases.csv': 1, 'case_clients.csv': 2, 'zrm.csv': 1, 'provisions.csv': 2, 'contacts.csv': 0 });
  });

  it('reports every problem as file and physical line, and returns no rows', () => {
    const files = {
      'clients.csv': 'client_id,bsn,birth_date,gender,postcode,shoe_size\nC1,123456789,2099-01-01,q,0123 AB,44\nC1,,,,,\n',
      'cases.csv':
        'case_id,team_code,registered_on,referrer,first_meeting_on,first_meeting_location,closed_on,close_reasons,close_outcomes,satisfaction_score,can_continue_alone\n' +
        'K1,atlantis,2016-02-30,spion,2016-01-01,,,volgens_plan,,11,misschien\n' +
        'K2,zuilen,2016-03-01,,,,2016-02-01,,,,\n',
      'case_clients.csv': 'case_id,client_id,role\nK1,C1,hoofdclient\nK1,C9,huishoudlid\nK3,C1,baas\n',
      'contacts.csv': 'contact_id,case_id,contact_on,kind,minutes\nT1,K2,2016-03-02,brief,2000\n',
      'contact.csv': 'x\n',
    };
    const { problems, history } = validateExchange(files, codes, TODAY);
    expect(history).toBeNull();
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(lines).toEqual([
      'clients.csv:1: onbekende kolom "shoe_size"',
      'clients.csv:2: bsn "123456789" is geen BSN van 9 cijfers dat voldoet aan de 11-proef',
      'clients.csv:2: birth_date 2099-01-01 ligt in de toekomst',
      'clients.csv:2: gender "q" moet m, v of x zijn',
      'clients.csv:2: postcode "0123 AB" is geen Nederlandse postcode (1234 AB)',
      'clients.csv:3: client_id "C1" staat ook op regel 2',
      'cases.csv:2: team_code: onbekend team "atlantis"',
      'cases.csv:2: registered_on "2016-02-30" is geen datum JJJJ-MM-DD',
      'cases.csv:2: referrer: onbekende melder "spion"',
      'cases.csv:2: first_meeting_location is leeg terwijl first_meeting_on is ingevuld',
      'cases.csv:2: close_reasons mag alleen bij een afgesloten casus (closed_on)',
      'cases.csv:2: satisfaction_score "11" moet een geheel getal van 1 tot en met 10 zijn',
      'cases.csv:2: can_continue_alone "misschien" moet ja of nee zijn',
      'cases.csv:3: closed_on 2016-02-01 ligt voor registered_on 2016-03-01',
      'cases.csv:3: casus "K2" heeft geen hoofdclient in case_clients.csv',
      'case_clients.csv:3: client_id "C9" staat niet in clients.csv',
      'case_clients.csv:4: case_id "K3" staat niet in cases.csv',
      'case_clients.csv:4: role "baas" moet hoofdclient of huishoudlid zijn',
      'contacts.csv:2: kind "brief" moet een van huisbezoek, kantoor, telefoon, elders, groep, digitaal zijn',
      'contacts.csv:2: minutes "2000" moet een geheel getal van 0 tot en met 1440 zijn',
      'contact.csv:1: onbekend bestand; verwacht: clients.csv, cases.csv, case_clients.csv, zrm.csv, provisions.csv, contacts.csv',
    ]);
  });

  it('checks extensions: same client, category and product, an existing target, no loops', () => {
    const provisions =
      'provision_id,case_id,client_id,category,product,provider,start_on,end_on,extends_provision_id,voided\n' +
      'P1,K1,C1,begeleiding,iab_groot,Lister,2016-02-01,,P2,\n' +
      'P2,K1,C1,begeleiding,iab_groot,Lister,2016-03-01,,P1,\n' +
      'P3,K1,C2,begeleiding,iab_klein,Lister,2016-03-01,2016-02-01,P9,\n' +
      'P4,K1,C2,dagbesteding,hbh,,2016-03-01,,P1,\n';
    const lines = validateExchange({ ...good, 'provisions.csv': provisions }, codes, TODAY).problems.map((p) => `${p.line}: ${p.message}`);
    expect(lines).toEqual([
      '2: verlengingen verwijzen in een kring naar elkaar ("P1")',
      '3: verlengingen verwijzen in een kring naar elkaar ("P2")',
      '4: end_on 2016-02-01 ligt voor start_on 2016-03-01',
      '4: extends_provision_id "P9" staat niet in provisions.csv',
      '5: product "hbh" hoort bij categorie hbh, niet bij dagbesteding',
      '5: provider is leeg',
      '5: verlenging van "P1" moet dezelfde cliënt, categorie en product hebben',
    ]);
  });

  it('requires clients.csv and cases.csv, the required columns, and a ZRM within its case', () => {
    const lines = validateExchange({ 'cases.csv': 'case_id,registered_on\n' }, codes, TODAY).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(lines).toEqual(['clients.csv:1: dit bestand ontbreekt (verplicht)', 'cases.csv:1: verplichte kolom "team_code" ontbreekt']);
    const zrm = 'assessment_id,case_id,client_id,assessed_on,type,financien\nZ1,K1,C1,2016-06-01,eind,7\nZ2,K1,C3,2016-02-01,nul,\n';
    expect(validateExchange({ ...good, 'zrm.csv': zrm }, codes, TODAY).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: assessed_on 2016-06-01 ligt buiten de casus (2016-01-04 tot 2016-05-01)',
      '2: financien "7" moet een score van 1 tot en met 5 zijn',
      '3: client_id "C3" hoort niet bij casus "K1" (case_clients.csv)',
    ]);
  });
});
