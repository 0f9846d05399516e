// A small registration history in the exchange format, made to put small numbers in every table
// of the reports of `year`: three teams of very different size (about 45, 25 and 4 cases), cases
// open across both turns of the year, a few marks, provisions and ZRM assessments per team.
// Deterministic (a fixed pseudo-random sequence), so a failure can be reproduced.
import { addDays } from '../../src/server/lib/dates';
import { mulberry32 } from '../../src/server/lib/seeded-random';

const TEAMS: [code: string, cases: number][] = [
  ['west', 45],
  ['zuilen', 25],
  ['oost', 4],
];
const REFERRERS = ['huisarts', 'zelfmelder', 'sociaal_netwerk', 'gemeente'];
const REASONS = ['volgens_plan', 'eenzijdig_client', 'externe_omstandigheden'];
const OUTCOMES = ['eigen_netwerk', 'huisarts', 'werk'];
const PROVISIONS: [category: string, product: string, provider: string][] = [
  ['begeleiding', 'iab_groot', 'Abrona'],
  ['begeleiding', 'iab_klein', 'Careyn'],
  ['dagbesteding', 'arbeidsmatige_activering', 'Amerpoort'],
];
const DOMAINS = ['financien', 'dagbesteding', 'huisvesting'];

export function craftedHistory(year: number): Record<string, string> {
  const next = mulberry32(20211);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const cases = ['case_id,team_code,registered_on,referrer,first_meeting_on,first_meeting_location,closed_on,close_reasons,close_outcomes,satisfaction_score,can_continue_alone'];
  const clients = ['client_id,bsn,birth_date,gender,postcode'];
  const caseClients = ['case_id,client_id,role'];
  const zrm = [`assessment_id,case_id,client_id,assessed_on,type,${DOMAINS.join(',')}`];
  const provisions = ['provision_id,case_id,client_id,category,product,provider,start_on,end_on,extends_provision_id,voided'];
  const lastDay = `${year + 1}-01-20`;
  let n = 0;
  for (const [team, count] of TEAMS) {
    for (let i = 0; i < count; i++) {
      n++;
      const id = `K${String(n).padStart(4, '0')}`;
      const client = `C${String(n).padStart(4, '0')}`;
      // From mid-November of the year before to the end of the year.
      const registered = addDays(`${year - 1}-11-15`, Math.floor(next() * 410));
      const met = next() < 0.85 ? addDays(registered, 1 + Math.floor(next() * 12)) : '';
      const closes = met !== '' && next() < 0.7;
      let closed = closes ? addDays(met, 20 + Math.floor(next() * 150)) : '';
      if (closed > lastDay) closed = '';
      const mark = closed && next() < 0.6 ? String(5 + Math.floor(next() * 5)) : '';
      const canContinue = closed && next() < 0.5 ? pick(['ja', 'nee']) : '';
      cases.push(
        [id, team, registered, pick(REFERRERS), met > lastDay ? '' : met, met && met <= lastDay ? pick(['thuis', 'kantoor', 'elders']) : '', closed, closed ? pick(REASONS) : '', closed ? pick(OUTCOMES) : '', mark, canContinue].join(','),
      );
      clients.push(`${client},,,,`);
      caseClients.push(`${id},${client},hoofdclient`);
      if (next() < 0.3) {
        const member = `${client}H`;
        clients.push(`${member},,,,`);
        caseClients.push(`${id},${member},huishoudlid`);
      }
      if (met && met <= lastDay) {
        const scores = () => DOMAINS.map(() => String(1 + Math.floor(next() * 5))).join(',');
        zrm.push(`${id}-Z1,${id},${client},${met},nul,${scores()}`);
        const end = closed || lastDay;
        const later = addDays(met, 30 + Math.floor(next() * 120));
        if (later <= end) zrm.push(`${id}-Z2,${id},${client},${later},${closed && later === closed ? 'eind' : 'periodiek'},${scores()}`);
        if (next() < 0.35) {
          const [category, product, provider] = pick(PROVISIONS);
          const start = addDays(met, Math.floor(next() * 30));
          if (start <= end) provisions.push(`${id}-P1,${id},${client},${category},${product},${provider},${start},,,nee`);
        }
      }
    }
  }
  const file = (lines: string[]) => `${lines.join('\n')}\n`;
  return { 'cases.csv': file(cases), 'clients.csv': file(clients), 'case_clients.csv': file(caseClients), 'zrm.csv': file(zrm), 'provisions.csv': file(provisions) };
}
