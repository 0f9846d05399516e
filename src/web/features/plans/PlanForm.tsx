// The krachtplan form: per life domain the situation, strengths, goal and agreements (asked in
// kitchen-table order), then reciprocity, the participation ladder, the dates and the crisis plan.
// The case's workers may mark a life domain or an agreement as sensitive; anyone else sees such parts
// as withheld placeholders, which the server keeps as they are when the plan is saved.
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, type Agreement, type DomainPlan, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { WITHHELD_AGREEMENT, WITHHELD_DOMAIN } from '../../../server/lib/sensitivity';
import { SelectField, TextareaField, TextField, type Option } from '../../app/fields';
import { SensitivityField, SensitivityTag, WithheldNotice } from '../journal/Sensitivity';
import type { FormErrors } from '../../app/form-errors';
import { KITCHEN_TABLE_QUESTIONS, LADDER_OPTIONS, newAgreement, OWNER_HELP, OWNER_HELP_SHORT, OWNER_OPTIONS, type Owner } from './plan-labels';

const STATUS_OPTIONS: Option[] = AGREEMENT_STATUSES.map((s) => ({ value: s, label: AGREEMENT_STATUS_LABELS[s] }));

interface Props {
  form: FormErrors;
  value: PlanContent;
  onChange: (value: PlanContent) => void;
  domainOptions: Option[];
  /** One of the case's workers: may mark parts as sensitive (and sees every part). */
  mayMark: boolean;
}

export function PlanForm({ form, value, onChange, domainOptions, mayMark }: Props) {
  const label = (code: string) => domainOptions.find((o) => o.value === code)?.label ?? code;
  const setDomain = (index: number, domain: DomainPlan) => onChange({ ...value, domains: value.domains.map((d, i) => (i === index ? domain : d)) });
  const removeDomain = (index: number) => {
    onChange({ ...value, domains: value.domains.filter((_, i) => i !== index) });
    focusLater('leefgebieden-title');
  };
  const withheldDomains = value.withheld?.domains ?? [];
  const withheldAgreements = value.withheld?.agreements ?? [];
  const crisis = value.crisisPlan;
  const setCrisis = (patch: Partial<PlanContent['crisisPlan']>) => onChange({ ...value, crisisPlan: { ...crisis, ...patch } });

  return (
    <>
      <section aria-labelledby="leefgebieden-title" className="kt-section">
        <Heading2 id="leefgebieden-title" tabIndex={-1}>
          Leefgebieden
        </Heading2>
        <Paragraph>Voeg de leefgebieden toe die voor de cliënt belangrijk zijn. Schrijf de situatie op in de woorden van de cliënt.</Paragraph>
        {!mayMark && <Paragraph className="kt-muted">Alleen de betrokken medewerkers van deze casus kunnen een leefgebied of afspraak als gevoelig markeren.</Paragraph>}
        {value.domains.length === 0 && withheldDomains.length === 0 && <Paragraph className="kt-muted">Er staan nog geen leefgebieden in het plan.</Paragraph>}
        {value.domains.map((domain, index) => (
          <DomainFields
            key={domain.domain}
            form={form}
            index={index}
            name={label(domain.domain)}
            value={domain}
            withheldAgreements={withheldAgreements.filter((a) => a.domain === domain.domain).length}
            mayMark={mayMark}
            onChange={(d) => setDomain(index, d)}
            onRemove={() => removeDomain(index)}
          />
        ))}
        {withheldDomains.map((code) => (
          <section key={code} aria-labelledby={`plan-domein-${code}-titel`} className="kt-subsection kt-plan-domain">
            <Heading3 id={`plan-domein-${code}-titel`}>{label(code)}</Heading3>
            <WithheldNotice text={WITHHELD_DOMAIN} />
          </section>
        ))}
        <AddDomain
          options={domainOptions.filter((o) => !value.domains.some((d) => d.domain === o.value) && !withheldDomains.includes(o.value))}
          focusId={() => form.idFor(`domains.${value.domains.length}.situation`)}
          onAdd={(code) => onChange({ ...value, domains: [...value.domains, { domain: code, situation: '', strengths: '', goal: '', agreements: [] }] })}
        />
      </section>

      <section aria-labelledby="meedoen-title" className="kt-section">
        <Heading2 id="meedoen-title">Meedoen en wederkerigheid</Heading2>
        <TextareaField id={form.idFor('reciprocity')} label="Wederkerigheid: wat geeft de cliënt terug?" description="Bijvoorbeeld vrijwilligerswerk of een buurvrouw helpen." value={value.reciprocity} onChange={(v) => onChange({ ...value, reciprocity: v })} rows={3} error={form.errorFor('reciprocity')} optional />
        <div className="kt-row">
          <SelectField id={form.idFor('participation.start')} label="Trede bij de start" description="Participatieladder" options={LADDER_OPTIONS} placeholder="Niet ingevuld" value={value.participation.start === null ? '' : String(value.participation.start)} onChange={(v) => onChange({ ...value, participation: { ...value.participation, start: v ? Number(v) : null } })} error={form.errorFor('participation.start')} optional />
          <SelectField id={form.idFor('participation.now')} label="Trede nu" description="Participatieladder" options={LADDER_OPTIONS} placeholder="Niet ingevuld" value={value.participation.now === null ? '' : String(value.participation.now)} onChange={(v) => onChange({ ...value, participation: { ...value.participation, now: v ? Number(v) : null } })} error={form.errorFor('participation.now')} optional />
        </div>
      </section>

      <section aria-labelledby="afspraken-einde-title" className="kt-section">
        <Heading2 id="afspraken-einde-title">Einde van de ondersteuning</Heading2>
        <div className="kt-row">
          <TextField id={form.idFor('expectedEndOn')} label="Verwachte einddatum van de ondersteuning" type="date" size="s" value={value.expectedEndOn ?? ''} onChange={(v) => onChange({ ...value, expectedEndOn: v || null })} error={form.errorFor('expectedEndOn')} optional />
          <TextField id={form.idFor('reviewOn')} label="Evaluatiedatum" type="date" size="s" value={value.reviewOn ?? ''} onChange={(v) => onChange({ ...value, reviewOn: v || null })} error={form.errorFor('reviewOn')} optional />
        </div>
      </section>

      <section aria-labelledby="crisisplan-title" className="kt-section">
        <Heading2 id="crisisplan-title">Crisisplan</Heading2>
        <TextareaField id={form.idFor('crisisPlan.signs')} label="Signalen dat het misgaat" value={crisis.signs} onChange={(v) => setCrisis({ signs: v })} rows={3} error={form.errorFor('crisisPlan.signs')} optional />
        <TextareaField id={form.idFor('crisisPlan.clientDoes')} label="Wat doet de cliënt dan" value={crisis.clientDoes} onChange={(v) => setCrisis({ clientDoes: v })} rows={3} error={form.errorFor('crisisPlan.clientDoes')} optional />
        <TextareaField id={form.idFor('crisisPlan.carerDoes')} label="Wat doet de mantelzorger dan" value={crisis.carerDoes} onChange={(v) => setCrisis({ carerDoes: v })} rows={3} error={form.errorFor('crisisPlan.carerDoes')} optional />
        <Heading3 className="kt-subheading">Wie belt de cliënt dan?</Heading3>
        {crisis.contacts.map((contact, index) => {
          const path = `crisisPlan.contacts.${index}`;
          const set = (patch: Partial<typeof contact>) => setCrisis({ contacts: crisis.contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
          return (
            <Fieldset key={index} className="kt-subsection">
              <FieldsetLegend className="kt-legend">Contactpersoon {index + 1}</FieldsetLegend>
              <div className="kt-row">
                <TextField id={form.idFor(`${path}.name`)} label="Naam" size="m" value={contact.name} onChange={(v) => set({ name: v })} error={form.errorFor(`${path}.name`)} required />
                <TextField id={form.idFor(`${path}.role`)} label="Rol" size="m" value={contact.role} onChange={(v) => set({ role: v })} error={form.errorFor(`${path}.role`)} optional />
                <TextField id={form.idFor(`${path}.phone`)} label="Telefoon" type="tel" size="s" autoComplete="off" value={contact.phone} onChange={(v) => set({ phone: v })} error={form.errorFor(`${path}.phone`)} optional />
              </div>
              <ButtonGroup>
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => {
                    setCrisis({ contacts: crisis.contacts.filter((_, i) => i !== index) });
                    focusLater('plan-contact-toevoegen');
                  }}
                >
                  Contactpersoon {index + 1} verwijderen
                </Button>
              </ButtonGroup>
            </Fieldset>
          );
        })}
        <ButtonGroup>
          <Button
            id="plan-contact-toevoegen"
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setCrisis({ contacts: [...crisis.contacts, { name: '', role: '', phone: '' }] });
              focusLater(form.idFor(`crisisPlan.contacts.${crisis.contacts.length}.name`));
            }}
          >
            Contactpersoon toevoegen
          </Button>
        </ButtonGroup>
      </section>
    </>
  );
}

/** Moves focus once React has drawn the change (a field that was just added, a heading after a removal). */
function focusLater(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

function AddDomain({ options, onAdd, focusId }: { options: Option[]; onAdd: (code: string) => void; focusId: (code: string) => string }) {
  const [code, setCode] = useState('');
  if (options.length === 0) return null;
  return (
    <div className="kt-add-domain">
      <SelectField id="plan-nieuw-leefgebied" label="Leefgebied toevoegen" options={options} value={code} onChange={setCode} placeholder="Kies een leefgebied" />
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={!code}
          onClick={() => {
            onAdd(code);
            setCode('');
            // The new domain's first field is where the user continues.
            focusLater(focusId(code));
          }}
        >
          Leefgebied toevoegen
        </Button>
      </ButtonGroup>
    </div>
  );
}

interface DomainProps {
  form: FormErrors;
  index: number;
  name: string;
  value: DomainPlan;
  /** How many of this domain's agreements the user may not see. */
  withheldAgreements: number;
  mayMark: boolean;
  onChange: (v: DomainPlan) => void;
  onRemove: () => void;
}

function DomainFields({ form, index, name, value, withheldAgreements, mayMark, onChange, onRemove }: DomainProps) {
  const path = `domains.${index}`;
  const headingId = `plan-domein-${value.domain}-titel`;
  const setAgreement = (i: number, a: Agreement) => onChange({ ...value, agreements: value.agreements.map((x, j) => (j === i ? a : x)) });
  const add = (owner: Owner) => {
    const next = value.agreements.length;
    onChange({ ...value, agreements: [...value.agreements, newAgreement(owner)] });
    focusLater(form.idFor(`${path}.agreements.${next}.what`));
  };
  return (
    <section aria-labelledby={headingId} className="kt-subsection kt-plan-domain">
      <Heading3 id={headingId}>{name}</Heading3>
      <SensitivityTag value={value.sensitivity} />
      <TextareaField id={form.idFor(`${path}.situation`)} label="Situatie in de woorden van de cliënt" value={value.situation} onChange={(v) => onChange({ ...value, situation: v })} rows={3} error={form.errorFor(`${path}.situation`)} optional />
      <TextareaField id={form.idFor(`${path}.strengths`)} label="Wat gaat goed (krachten)" value={value.strengths} onChange={(v) => onChange({ ...value, strengths: v })} rows={3} error={form.errorFor(`${path}.strengths`)} optional />
      <TextareaField id={form.idFor(`${path}.goal`)} label="Doel" description="Wat wil de cliënt bereiken, in eigen woorden." value={value.goal} onChange={(v) => onChange({ ...value, goal: v })} rows={2} error={form.errorFor(`${path}.goal`)} optional />
      {mayMark && (
        <SensitivityField
          id={form.idFor(`${path}.sensitivity`)}
          label={`Gevoelig: leefgebied ${name}`}
          description="Bij huiselijk geweld, gezondheid of justitie: alleen de betrokken medewerkers van deze casus zien dit leefgebied met zijn afspraken."
          value={value.sensitivity}
          onChange={(v) => onChange({ ...value, sensitivity: v })}
          error={form.errorFor(`${path}.sensitivity`)}
        />
      )}
      <Heading4 id={`${headingId}-afspraken`} tabIndex={-1}>
        Afspraken
      </Heading4>
      <Paragraph>{OWNER_HELP}</Paragraph>
      {value.agreements.map((agreement, i) => (
        <AgreementFields key={agreement.id} form={form} path={`${path}.agreements.${i}`} legend={`${name}: afspraak ${i + 1}`} value={agreement} mayMark={mayMark} onChange={(a) => setAgreement(i, a)} onRemove={() => {
            onChange({ ...value, agreements: value.agreements.filter((_, j) => j !== i) });
            focusLater(`${headingId}-afspraken`);
          }}
        />
      ))}
      {Array.from({ length: withheldAgreements }, (_, i) => (
        <WithheldNotice key={i} text={WITHHELD_AGREEMENT} />
      ))}
      <ol className="kt-questions">
        {KITCHEN_TABLE_QUESTIONS.map((q) => (
          <li key={q.owner}>
            <span className="kt-question-text">{q.question}</span>{' '}
            <Button type="button" appearance="secondary-action-button" onClick={() => add(q.owner)} aria-label={`${q.button} bij ${name}`}>
              {q.button}
            </Button>
          </li>
        ))}
      </ol>
      {withheldAgreements > 0 ? (
        <Paragraph className="kt-muted">Dit leefgebied heeft een afgeschermde afspraak; alleen de betrokken medewerkers van deze casus kunnen het verwijderen.</Paragraph>
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="subtle-button" onClick={onRemove}>
            Leefgebied {name} verwijderen
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

interface AgreementProps {
  form: FormErrors;
  path: string;
  legend: string;
  value: Agreement;
  mayMark: boolean;
  onChange: (a: Agreement) => void;
  onRemove: () => void;
}

function AgreementFields({ form, path, legend, value, mayMark, onChange, onRemove }: AgreementProps) {
  const id = (field: string) => form.idFor(`${path}.${field}`);
  const error = (field: string) => form.errorFor(`${path}.${field}`);
  return (
    <Fieldset className="kt-subsection kt-agreement">
      <FieldsetLegend className="kt-legend">{legend}</FieldsetLegend>
      <SensitivityTag value={value.sensitivity} />
      <TextareaField id={id('what')} label="Afspraak" value={value.what} onChange={(v) => onChange({ ...value, what: v })} rows={2} error={error('what')} required />
      <div className="kt-row">
        <SelectField id={id('owner')} label="Wie" description={OWNER_HELP_SHORT} options={OWNER_OPTIONS} value={value.owner ?? ''} onChange={(v) => onChange({ ...value, owner: v as Owner })} error={error('owner')} required />
        <TextField id={id('ownerName')} label="Naam" description="Bijvoorbeeld: dochter Samira" size="m" value={value.ownerName} onChange={(v) => onChange({ ...value, ownerName: v })} error={error('ownerName')} optional />
      </div>
      <div className="kt-row">
        <TextField id={id('dueOn')} label="Wanneer klaar" type="date" size="s" value={value.dueOn ?? ''} onChange={(v) => onChange({ ...value, dueOn: v || null })} error={error('dueOn')} optional />
        <SelectField id={id('status')} label="Status" options={STATUS_OPTIONS} placeholder={null} value={value.status} onChange={(v) => onChange({ ...value, status: v as Agreement['status'] })} error={error('status')} />
      </div>
      <TextareaField id={id('result')} label="Resultaat" value={value.result} onChange={(v) => onChange({ ...value, result: v })} rows={2} error={error('result')} optional />
      {mayMark && (
        <SensitivityField
          id={id('sensitivity')}
          label={`Gevoelig: ${legend}`}
          description="Bij huiselijk geweld, gezondheid of justitie: alleen de betrokken medewerkers van deze casus zien deze afspraak."
          value={value.sensitivity}
          onChange={(v) => onChange({ ...value, sensitivity: v })}
          error={error('sensitivity')}
        />
      )}
      <ButtonGroup>
        <Button type="button" appearance="subtle-button" onClick={onRemove} aria-label={`Afspraak verwijderen: ${legend}`}>
          Afspraak verwijderen
        </Button>
      </ButtonGroup>
    </Fieldset>
  );
}
