// The krachtplan as it reads: per life domain the situation, strengths, goal and the agreements
// (what, who, when, status), then participation, the end of the support and the crisis plan. Each
// part has its "Bewerken" button (aria-expanded) when the user may change the plan; the open part's
// form takes the place of its text. A short confirmation (role=status) stays under the part after a
// save.
import type { ReactNode } from 'react';
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { AGREEMENT_OWNER_LABELS, AGREEMENT_STATUS_LABELS, type Agreement, type DomainPlan, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { WITHHELD_AGREEMENT, WITHHELD_DOMAIN } from '../../../server/lib/sensitivity';
import { formatDate, today } from '../../app/format';
import { SensitivityTag, WithheldNotice } from '../journal/Sensitivity';
import { LADDER_LABELS } from './plan-labels';
import { openerId, type PlanTarget } from './plan-editing';

/** What the sections need of the page: who may edit, which part is open, its form, the confirmations. */
export interface PlanEditing {
  mayWrite: boolean;
  /** One of the case's workers (sees every part); the others read a note about marked parts. */
  mayMark: boolean;
  isOpen: (target: PlanTarget) => boolean;
  /** Opens a part's form (or closes it, when it is the open one); asks first when changes would be lost. */
  toggle: (target: PlanTarget) => void;
  /** The form of the part when it is open, with its title at this heading level. */
  form: (target: PlanTarget, titleLevel: number, options?: { number?: number }) => ReactNode;
  /** The confirmation under a section (its key: `leefgebieden`, `domain-<code>`, `meedoen`, …). */
  notice: (section: string) => string | null;
  domainLabel: (code: string) => string;
  /** Life domains of the organisation that are not in the plan yet. */
  domainsLeft: number;
}

export function sectionOf(target: PlanTarget, content: PlanContent): string {
  switch (target.kind) {
    case 'domain':
    case 'agreement':
    case 'new-agreement':
      return content.domains.some((d) => d.domain === target.domain) ? `domain-${target.domain}` : 'leefgebieden';
    case 'new-domain':
      return 'leefgebieden';
    case 'participation':
      return 'meedoen';
    case 'end':
      return 'einde';
    case 'crisis':
      return 'crisisplan';
    case 'akkoord':
      return 'versies';
  }
}

/** Always in the page (empty until there is something to say), so it is read out when it changes. */
export function Notice({ editing, section }: { editing: PlanEditing; section: string }) {
  return (
    <Paragraph role="status" className="kt-plan-notice">
      {editing.notice(section)}
    </Paragraph>
  );
}

/** "Bewerken" with the part in its name: "Bewerken: leefgebied Financiën". */
function EditButton({ editing, target, name, children = 'Bewerken' }: { editing: PlanEditing; target: PlanTarget; name: string; children?: string }) {
  if (!editing.mayWrite) return null;
  return (
    <Button id={openerId(target)} type="button" appearance="secondary-action-button" aria-expanded={editing.isOpen(target)} aria-label={`${children}: ${name}`} onClick={() => editing.toggle(target)}>
      {children}
    </Button>
  );
}

function Text({ value, empty = 'Nog niet ingevuld' }: { value: string; empty?: string }) {
  return value ? <span className="kt-pre-line">{value}</span> : <span className="kt-muted">{empty}</span>;
}

export function DomainsSection({ content, editing }: { content: PlanContent; editing: PlanEditing }) {
  const withheldDomains = content.withheld?.domains ?? [];
  const withheldAgreements = content.withheld?.agreements ?? [];
  const adding: PlanTarget = { kind: 'new-domain' };
  return (
    <section aria-labelledby="leefgebieden-title" className="kt-section">
      <Heading2 id="leefgebieden-title" tabIndex={-1}>
        Leefgebieden
      </Heading2>
      {editing.mayWrite && !editing.mayMark && <Paragraph className="kt-muted">Alleen de betrokken medewerkers van deze casus kunnen een leefgebied of afspraak als gevoelig markeren.</Paragraph>}
      {content.domains.length === 0 && withheldDomains.length === 0 && <Paragraph className="kt-muted">Er staan nog geen leefgebieden in het plan.</Paragraph>}
      {content.domains.map((domain) => (
        <DomainBlock key={domain.domain} domain={domain} withheldAgreements={withheldAgreements.filter((a) => a.domain === domain.domain).length} editing={editing} />
      ))}
      {withheldDomains.map((code) => (
        <section key={code} aria-labelledby={`plan-domein-${code}-titel`} className="kt-plan-domain">
          <Heading3 id={`plan-domein-${code}-titel`}>{editing.domainLabel(code)}</Heading3>
          <WithheldNotice text={WITHHELD_DOMAIN} />
        </section>
      ))}
      <Notice editing={editing} section="leefgebieden" />
      {editing.mayWrite && editing.domainsLeft > 0 && (
        <ButtonGroup>
          <Button id={openerId(adding)} type="button" appearance="secondary-action-button" aria-expanded={editing.isOpen(adding)} onClick={() => editing.toggle(adding)}>
            Leefgebied toevoegen
          </Button>
        </ButtonGroup>
      )}
      {editing.form(adding, 3)}
    </section>
  );
}

function DomainBlock({ domain, withheldAgreements, editing }: { domain: DomainPlan; withheldAgreements: number; editing: PlanEditing }) {
  const name = editing.domainLabel(domain.domain);
  const headingId = `plan-domein-${domain.domain}-titel`;
  const self: PlanTarget = { kind: 'domain', domain: domain.domain };
  const adding: PlanTarget = { kind: 'new-agreement', domain: domain.domain };
  return (
    <section aria-labelledby={headingId} className="kt-plan-domain">
      <div className="kt-plan-block__head">
        <Heading3 id={headingId}>{name}</Heading3>
        <EditButton editing={editing} target={self} name={`leefgebied ${name}`} />
      </div>
      <SensitivityTag value={domain.sensitivity} />
      {editing.isOpen(self) ? (
        editing.form(self, 4)
      ) : (
        <DataList className="kt-datalist kt-plan-facts">
          <DataListItem>
            <DataListKey>Situatie</DataListKey>
            <DataListValue>
              <Text value={domain.situation} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wat gaat goed</DataListKey>
            <DataListValue>
              <Text value={domain.strengths} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Doel</DataListKey>
            <DataListValue>
              <Text value={domain.goal} />
            </DataListValue>
          </DataListItem>
        </DataList>
      )}
      <Heading4 id={`${headingId}-afspraken`}>Afspraken</Heading4>
      {domain.agreements.length === 0 && withheldAgreements === 0 && <Paragraph className="kt-muted">Nog geen afspraken.</Paragraph>}
      {domain.agreements.length > 0 && (
        <ul className="kt-plan-agreements" aria-labelledby={`${headingId}-afspraken`}>
          {domain.agreements.map((agreement, index) => (
            <AgreementItem key={agreement.id} domain={domain.domain} name={name} number={index + 1} agreement={agreement} editing={editing} />
          ))}
        </ul>
      )}
      {Array.from({ length: withheldAgreements }, (_, i) => (
        <WithheldNotice key={i} text={WITHHELD_AGREEMENT} />
      ))}
      <Notice editing={editing} section={`domain-${domain.domain}`} />
      {editing.mayWrite && (
        <ButtonGroup>
          <Button id={openerId(adding)} type="button" appearance="secondary-action-button" aria-expanded={editing.isOpen(adding)} aria-label={`Nieuwe afspraak bij ${name}`} onClick={() => editing.toggle(adding)}>
            Nieuwe afspraak
          </Button>
        </ButtonGroup>
      )}
      {editing.form(adding, 5, { number: domain.agreements.length + 1 })}
    </section>
  );
}

function AgreementItem({ domain, name, number, agreement, editing }: { domain: string; name: string; number: number; agreement: Agreement; editing: PlanEditing }) {
  const self: PlanTarget = { kind: 'agreement', domain, id: agreement.id };
  const open = editing.isOpen(self);
  const owner = `${AGREEMENT_OWNER_LABELS[agreement.owner] ?? agreement.owner}${agreement.ownerName ? ` (${agreement.ownerName})` : ''}`;
  return (
    <li className="kt-plan-agreement">
      {open ? (
        editing.form(self, 5, { number })
      ) : (
        <>
          <Paragraph className="kt-plan-agreement__what">{agreement.what}</Paragraph>
          <Paragraph className="kt-plan-agreement__meta">
            <span>Wie: {owner}</span>{' '}
            <span>Klaar: {agreement.dueOn ? formatDate(agreement.dueOn) : 'geen datum'}</span>{' '}
            <span>Status: {AGREEMENT_STATUS_LABELS[agreement.status]}</span>
          </Paragraph>
          {agreement.result && <Paragraph className="kt-pre-line">Resultaat: {agreement.result}</Paragraph>}
          <SensitivityTag value={agreement.sensitivity} />
        </>
      )}
      {editing.mayWrite && (
        <ButtonGroup>
          <EditButton editing={editing} target={self} name={`${name}, afspraak ${number}`} />
        </ButtonGroup>
      )}
    </li>
  );
}

export function ParticipationSection({ content, editing }: { content: PlanContent; editing: PlanEditing }) {
  const self: PlanTarget = { kind: 'participation' };
  const rung = (n: number | null) => (n === null ? <span className="kt-muted">Niet ingevuld</span> : `${n} — ${LADDER_LABELS[n]}`);
  return (
    <section aria-labelledby="meedoen-title" className="kt-section">
      <div className="kt-plan-block__head">
        <Heading2 id="meedoen-title">Meedoen en wederkerigheid</Heading2>
        <EditButton editing={editing} target={self} name="meedoen en wederkerigheid" />
      </div>
      {editing.isOpen(self) ? (
        editing.form(self, 3)
      ) : (
        <DataList className="kt-datalist kt-plan-facts">
          <DataListItem>
            <DataListKey>Wederkerigheid</DataListKey>
            <DataListValue>
              <Text value={content.reciprocity} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Trede bij de start</DataListKey>
            <DataListValue>{rung(content.participation.start)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Trede nu</DataListKey>
            <DataListValue>{rung(content.participation.now)}</DataListValue>
          </DataListItem>
        </DataList>
      )}
      <Notice editing={editing} section="meedoen" />
    </section>
  );
}

export function EndSection({ content, editing }: { content: PlanContent; editing: PlanEditing }) {
  const self: PlanTarget = { kind: 'end' };
  const passed = !!content.reviewOn && content.reviewOn < today();
  return (
    <section aria-labelledby="afspraken-einde-title" className="kt-section">
      <div className="kt-plan-block__head">
        <Heading2 id="afspraken-einde-title">Einde van de ondersteuning</Heading2>
        <EditButton editing={editing} target={self} name="einde van de ondersteuning" />
      </div>
      {editing.isOpen(self) ? (
        editing.form(self, 3)
      ) : (
        <DataList className="kt-datalist kt-plan-facts">
          <DataListItem>
            <DataListKey>Verwachte einddatum</DataListKey>
            <DataListValue>{content.expectedEndOn ? formatDate(content.expectedEndOn) : <span className="kt-muted">Nog niet afgesproken</span>}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Evaluatiedatum</DataListKey>
            <DataListValue>
              {content.reviewOn ? formatDate(content.reviewOn) : <span className="kt-muted">Nog niet gepland</span>}
              {passed && <strong> (voorbij: plan een nieuwe evaluatie)</strong>}
            </DataListValue>
          </DataListItem>
        </DataList>
      )}
      <Notice editing={editing} section="einde" />
    </section>
  );
}

export function CrisisSection({ content, editing }: { content: PlanContent; editing: PlanEditing }) {
  const self: PlanTarget = { kind: 'crisis' };
  const crisis = content.crisisPlan;
  return (
    <section aria-labelledby="crisisplan-title" className="kt-section">
      <div className="kt-plan-block__head">
        <Heading2 id="crisisplan-title">Crisisplan</Heading2>
        <EditButton editing={editing} target={self} name="crisisplan" />
      </div>
      {editing.isOpen(self) ? (
        editing.form(self, 3)
      ) : (
        <DataList className="kt-datalist kt-plan-facts">
          <DataListItem>
            <DataListKey>Signalen dat het misgaat</DataListKey>
            <DataListValue>
              <Text value={crisis.signs} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wat doet de cliënt dan</DataListKey>
            <DataListValue>
              <Text value={crisis.clientDoes} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wat doet de mantelzorger dan</DataListKey>
            <DataListValue>
              <Text value={crisis.carerDoes} />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wie belt de cliënt dan?</DataListKey>
            <DataListValue>
              {crisis.contacts.length === 0 ? (
                <span className="kt-muted">Nog niemand</span>
              ) : (
                <ul className="kt-plan-contacts">
                  {crisis.contacts.map((c, i) => (
                    <li key={i}>{[c.name, c.role, c.phone].filter(Boolean).join(', ')}</li>
                  ))}
                </ul>
              )}
            </DataListValue>
          </DataListItem>
        </DataList>
      )}
      <Notice editing={editing} section="crisisplan" />
    </section>
  );
}
