// Krachtplan on the case page: the summary (version, agreement, dates, the link to the plan's own
// page) and the current version to read, also when the case is closed and the plan can no longer
// be changed. Read only: the plan is changed on its own page.
import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { AGREEMENT_OWNER_LABELS, AGREEMENT_STATUS_LABELS, type Agreement, type DomainPlan, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { SENSITIVITY_LABELS, WITHHELD_AGREEMENT, WITHHELD_DOMAIN } from '../../../server/lib/sensitivity';
import { DateText } from '../../app/DateText';
import { codeLabel, useReference } from '../../app/reference';
import { WithheldNotice } from '../journal/Sensitivity';
import { usePlan } from '../plans/api';
import { LADDER_LABELS } from '../plans/plan-labels';
import { PlanSummary } from '../plans/PlanSummary';

export function CasePlan({ caseId }: { caseId: string }) {
  const plan = usePlan(caseId);
  return (
    <>
      <PlanSummary caseId={caseId} />
      {plan.data && plan.data.version > 0 && (
        <section aria-labelledby="plan-inhoud-title" className="kt-section kt-plan-read">
          <Heading3 id="plan-inhoud-title">Het plan, versie {plan.data.version}</Heading3>
          <PlanContentView content={plan.data.content} />
        </section>
      )}
    </>
  );
}

function PlanContentView({ content }: { content: PlanContent }) {
  const reference = useReference();
  const domainName = (code: string) => codeLabel(reference.data, 'zrm_domains', code);
  const withheldDomains = content.withheld?.domains ?? [];
  const withheldAgreements = content.withheld?.agreements ?? [];
  const crisis = content.crisisPlan;
  const hasCrisis = crisis.signs || crisis.clientDoes || crisis.carerDoes || crisis.contacts.length > 0;
  const { start, now } = content.participation;
  return (
    <>
      {content.domains.length === 0 && withheldDomains.length === 0 && <Paragraph>Er staan geen leefgebieden in het plan.</Paragraph>}
      {content.domains.map((domain) => (
        <DomainView key={domain.domain} name={domainName(domain.domain)} domain={domain} withheld={withheldAgreements.filter((a) => a.domain === domain.domain).length} />
      ))}
      {withheldDomains.map((code) => (
        <section key={code} aria-labelledby={`plan-lezen-${code}`} className="kt-subsection">
          <Heading4 id={`plan-lezen-${code}`}>{domainName(code)}</Heading4>
          <WithheldNotice text={WITHHELD_DOMAIN} />
        </section>
      ))}
      {(content.reciprocity || start || now) && (
        <section aria-labelledby="plan-lezen-meedoen" className="kt-subsection">
          <Heading4 id="plan-lezen-meedoen">Meedoen</Heading4>
          {content.reciprocity && <Text label="Wederkerigheid" value={content.reciprocity} />}
          {start && <Paragraph>Trede bij de start: {start} — {LADDER_LABELS[start]}</Paragraph>}
          {now && <Paragraph>Trede nu: {now} — {LADDER_LABELS[now]}</Paragraph>}
        </section>
      )}
      {hasCrisis && (
        <section aria-labelledby="plan-lezen-crisis" className="kt-subsection">
          <Heading4 id="plan-lezen-crisis">Als het niet goed gaat</Heading4>
          {crisis.signs && <Text label="Signalen dat het misgaat" value={crisis.signs} />}
          {crisis.clientDoes && <Text label="Wat doet de cliënt dan" value={crisis.clientDoes} />}
          {crisis.carerDoes && <Text label="Wat doet de mantelzorger dan" value={crisis.carerDoes} />}
          {crisis.contacts.length > 0 && (
            <ul className="kt-overview-list" aria-label="Wie bellen">
              {crisis.contacts.map((c, i) => (
                <li key={i} className="kt-overview-list__item">
                  {c.name}
                  {c.role ? ` (${c.role})` : ''}
                  {c.phone ? `: ${c.phone}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function DomainView({ name, domain, withheld }: { name: string; domain: DomainPlan; withheld: number }) {
  const id = `plan-lezen-${domain.domain}`;
  return (
    <section aria-labelledby={id} className="kt-subsection">
      <Heading4 id={id}>
        {name}
        {domain.sensitivity ? ` (gevoelig: ${SENSITIVITY_LABELS[domain.sensitivity].toLowerCase()})` : ''}
      </Heading4>
      {domain.situation && <Text label="Situatie" value={domain.situation} />}
      {domain.strengths && <Text label="Wat gaat goed" value={domain.strengths} />}
      {domain.goal && <Text label="Doel" value={domain.goal} />}
      {domain.agreements.length === 0 && withheld === 0 ? (
        <Paragraph className="kt-muted">Geen afspraken.</Paragraph>
      ) : (
        <ul className="kt-overview-list" aria-label={`Afspraken bij ${name}`}>
          {domain.agreements.map((a) => (
            <AgreementLine key={a.id} agreement={a} />
          ))}
          {Array.from({ length: withheld }, (_, i) => (
            <li key={`afgeschermd-${i}`} className="kt-overview-list__item">
              <WithheldNotice text={WITHHELD_AGREEMENT} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgreementLine({ agreement: a }: { agreement: Agreement }) {
  return (
    <li className="kt-overview-list__item">
      <strong>{a.what}</strong>
      {a.sensitivity ? ` (gevoelig: ${SENSITIVITY_LABELS[a.sensitivity].toLowerCase()})` : ''}
      <br />
      {AGREEMENT_OWNER_LABELS[a.owner]}
      {a.ownerName ? ` (${a.ownerName})` : ''} · {AGREEMENT_STATUS_LABELS[a.status]}
      {a.dueOn && (
        <>
          {' · klaar op '}
          <DateText value={a.dueOn} />
        </>
      )}
      {a.result && <span className="kt-pre-line">{`\nResultaat: ${a.result}`}</span>}
    </li>
  );
}

/** A label and a text the worker or client wrote (line breaks kept). */
function Text({ label, value }: { label: string; value: string }) {
  return (
    <Paragraph className="kt-pre-line">
      <strong>{label}:</strong> {value}
    </Paragraph>
  );
}
