// The krachtplan for the client, in plain Dutch (B1): short sentences, "u", no internal notes and
// no navigation. Print it or save it as PDF with the browser.
import { useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Agreement, DomainPlan, PlanContent } from '../../../server/modules/plans/plans.schemas';
import { AGREEMENT_OWNERS } from '../../../server/modules/plans/plans.schemas';
import { formatDate, fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { codeLabel, useReference } from '../../app/reference';
import { useCase, type CaseDetail } from '../cases/api';
import { WithheldNotice } from '../journal/Sensitivity';
import { usePlan, type Plan } from './api';
import { LADDER_LABELS, OWNER_PRINT_HEADINGS, type Owner } from './plan-labels';
import './plans.css';
import { usePlanPrintLogged } from '../client-rights/usePlanPrintLogged';

export function PlanPrintPage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  const plan = usePlan(id);
  usePlanPrintLogged(id);
  return (
    <div className="kt-print">
      <main id="main" tabIndex={-1}>
        <QueryStatus query={detail} what="de casus">
          {(c) => (
            <QueryStatus query={plan} what="het krachtplan">
              {(p) => <PrintView detail={c} plan={p} />}
            </QueryStatus>
          )}
        </QueryStatus>
      </main>
    </div>
  );
}

function PrintView({ detail, plan }: { detail: CaseDetail; plan: Plan }) {
  const reference = useReference();
  const domainName = (code: string) => codeLabel(reference.data, 'zrm_domains', code);
  const client = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const content = plan.content;
  return (
    <>
      <div className="kt-no-print">
        <Paragraph>
          <RouterLink to={`/casussen/${detail.id}/plan`}>Terug naar het krachtplan</RouterLink>
        </Paragraph>
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            Afdrukken of opslaan als PDF
          </Button>
        </ButtonGroup>
        {content.withheld && (
          <WithheldNotice text="Dit krachtplan heeft afgeschermde onderdelen, alleen zichtbaar voor de betrokken medewerkers van deze casus. Die staan niet in deze afdruk; laat de regisseur het volledige plan afdrukken." />
        )}
      </div>
      <PageTitle title={client ? `Krachtplan van ${fullName(client)}` : 'Uw krachtplan'} />
      {plan.version === 0 ? (
        <Paragraph>Er is nog geen krachtplan opgeslagen.</Paragraph>
      ) : (
        <>
          <Paragraph className="kt-lead">Dit is uw plan. U heeft het samen met het buurtteam gemaakt. Hierin staat wat u wilt bereiken en wie wat doet.</Paragraph>
          <Paragraph>
            {detail.leadWorker ? `Uw contactpersoon bij het buurtteam is ${detail.leadWorker.name}.` : 'U krijgt een vaste contactpersoon bij het buurtteam.'}{' '}
            {content.expectedEndOn ? `We hebben afgesproken dat de hulp stopt op ${formatDate(content.expectedEndOn)}.` : ''}{' '}
            {content.reviewOn ? `Op ${formatDate(content.reviewOn)} kijken we samen hoe het gaat.` : ''}
          </Paragraph>
          {content.domains.map((domain) => (
            <PrintDomain key={domain.domain} name={domainName(domain.domain)} domain={domain} />
          ))}
          <PrintExtras content={content} />
          <Paragraph className="kt-muted">
            Versie {plan.version}
            {plan.savedAt ? ` van ${formatDate(plan.savedAt)}` : ''}. {plan.agreedOn ? `U ging akkoord op ${formatDate(plan.agreedOn)}.` : 'U heeft nog geen akkoord gegeven op deze versie.'}
          </Paragraph>
        </>
      )}
    </>
  );
}

function PrintDomain({ name, domain }: { name: string; domain: DomainPlan }) {
  const byOwner = AGREEMENT_OWNERS.map((owner) => ({ owner, items: domain.agreements.filter((a) => a.owner === owner) })).filter((g) => g.items.length > 0);
  return (
    <section className="kt-print__domain" aria-labelledby={`print-${domain.domain}`}>
      <Heading2 id={`print-${domain.domain}`}>{name}</Heading2>
      {domain.situation && (
        <>
          <Heading3>Hoe het nu gaat</Heading3>
          <Paragraph className="kt-pre-line">{domain.situation}</Paragraph>
        </>
      )}
      {domain.strengths && (
        <>
          <Heading3>Wat goed gaat</Heading3>
          <Paragraph className="kt-pre-line">{domain.strengths}</Paragraph>
        </>
      )}
      {domain.goal && (
        <>
          <Heading3>Uw doel</Heading3>
          <Paragraph className="kt-pre-line">{domain.goal}</Paragraph>
        </>
      )}
      {byOwner.map(({ owner, items }) => (
        <div key={owner}>
          <Heading3>{OWNER_PRINT_HEADINGS[owner as Owner]}</Heading3>
          <ul className="kt-print__list">
            {items.map((a) => (
              <li key={a.id}>{agreementSentence(a)}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function agreementSentence(a: Agreement): string {
  const parts = [a.what.replace(/[.\s]+$/, '')];
  if (a.ownerName) parts[0] += ` (${a.ownerName})`;
  let text = `${parts[0]}.`;
  if (a.dueOn) text += ` Klaar op ${formatDate(a.dueOn)}.`;
  if (a.status === 'done') text += ' Dit is gedaan.';
  if (a.status === 'stopped') text += ' Hiermee is gestopt.';
  return text;
}

function PrintExtras({ content }: { content: PlanContent }) {
  const crisis = content.crisisPlan;
  const hasCrisis = crisis.signs || crisis.clientDoes || crisis.carerDoes || crisis.contacts.length > 0;
  const { start, now } = content.participation;
  return (
    <>
      {(content.reciprocity || now || start) && (
        <section className="kt-print__domain" aria-labelledby="print-meedoen">
          <Heading2 id="print-meedoen">Meedoen</Heading2>
          {content.reciprocity && <Paragraph className="kt-pre-line">Wat u voor anderen doet: {content.reciprocity}</Paragraph>}
          {start && <Paragraph>Bij de start: {LADDER_LABELS[start]}.</Paragraph>}
          {now && <Paragraph>Nu: {LADDER_LABELS[now]}.</Paragraph>}
        </section>
      )}
      {hasCrisis && (
        <section className="kt-print__domain" aria-labelledby="print-crisis">
          <Heading2 id="print-crisis">Als het niet goed gaat</Heading2>
          {crisis.signs && (
            <>
              <Heading3>Hieraan merkt u het</Heading3>
              <Paragraph className="kt-pre-line">{crisis.signs}</Paragraph>
            </>
          )}
          {crisis.clientDoes && (
            <>
              <Heading3>Wat u dan doet</Heading3>
              <Paragraph className="kt-pre-line">{crisis.clientDoes}</Paragraph>
            </>
          )}
          {crisis.carerDoes && (
            <>
              <Heading3>Wat uw mantelzorger dan doet</Heading3>
              <Paragraph className="kt-pre-line">{crisis.carerDoes}</Paragraph>
            </>
          )}
          {crisis.contacts.length > 0 && (
            <>
              <Heading3>Wie u dan belt</Heading3>
              <ul className="kt-print__list">
                {crisis.contacts.map((c, i) => (
                  <li key={i}>
                    {c.name}
                    {c.role ? ` (${c.role})` : ''}
                    {c.phone ? `: ${c.phone}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
