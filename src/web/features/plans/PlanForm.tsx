// The forms of the krachtplan, one part at a time: a life domain (situation, strengths, goal), an
// agreement, the participation, the end of the support, the crisis plan. Each saves the whole plan
// as a new version with only its own part changed, based on the version it opened on; a save in
// between answers 409 with the other person's changes, while the form keeps its text. Long texts
// are kept as drafts (use-draft.ts) until they are saved or thrown away. The case's workers may
// mark a life domain or an agreement as sensitive.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { agreement as agreementSchema, AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, crisisPlan as crisisPlanSchema, domainPlan, planContent, type Agreement, type DomainPlan, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { holdsAPlan, latestReviewOn } from '../../../server/modules/plans/plan-rules';
import type { Sensitivity } from '../../../server/lib/sensitivity';
import { ApiError, newIdempotencyKey, type FieldError } from '../../app/api';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField, type Option } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors, type FormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { today } from '../../app/format';
import { useDraft, type Draft } from '../../app/use-draft';
import { useFormSubmit } from '../../app/use-form-submit';
import { SensitivityField } from '../journal/Sensitivity';
import { conflictDetails, useSavePlan, type Plan, type PlanConflictDetails } from './api';
import { describeNewContent, emptyPlanContent, KITCHEN_TABLE_QUESTIONS, LADDER_OPTIONS, OWNER_HELP_SHORT, OWNER_OPTIONS, type Owner } from './plan-labels';
import { openerId, PART_PATH, partErrors, partPrefix, saveProblems, targetKey, withAgreement, withDomain, withoutAgreement, withoutDomain, type PlanTarget } from './plan-editing';

const STATUS_OPTIONS: Option[] = AGREEMENT_STATUSES.map((s) => ({ value: s, label: AGREEMENT_STATUS_LABELS[s] }));

/** The version a form started from. */
export interface PartBase {
  content: PlanContent;
  version: number;
}

/** What the page gives every form of a part. */
export interface PartContext {
  caseId: string;
  target: PlanTarget;
  base: PartBase;
  /** One of the case's workers: may mark parts as sensitive (and sees every part). */
  mayMark: boolean;
  domainLabel: (code: string) => string;
  domainOptions: Option[];
  /** The form holds changes that are not saved (the page asks before they are lost). */
  onDirty: (dirty: boolean) => void;
  /** Gives the page the way to forget this form's kept texts (after "Wijzigingen weggooien"). */
  onDrafts: (forget: () => void) => void;
  /** Saved: the new plan, a short confirmation, and where focus goes (the opening button when absent). */
  onSaved: (plan: Plan, message: string, focusId?: string) => void;
  /** "Opslaan" without a change: closes without a new version. */
  onUnchanged: () => void;
  onCancel: () => void;
  /** After a concurrent save: continue on the newest version, keeping this form's text. */
  onLoadNewest: (current: Plan) => void;
}

interface Removal {
  /** The button, e.g. "Leefgebied Financiën verwijderen". */
  label: string;
  question: string;
  content: PlanContent;
  message: string;
  focusId: string;
}

interface PartFormProps {
  part: PartContext;
  /** The title of the form, e.g. "Financiën bewerken"; a message about the whole plan points here. */
  title: string;
  titleLevel: number;
  submitLabel: string;
  /** The whole plan with this form's values. */
  content: PlanContent;
  /** The form's fields, as paths under the part (`goal`, `contacts`); other problems go on the title. */
  fields: readonly string[];
  /** Where "a plan needs a goal or an agreement" goes, when this form has a field for it. */
  emptyPlanField?: string;
  dirty: boolean;
  /** A new part is saved even when nothing was typed (the check says what is missing). */
  isNew: boolean;
  savedMessage: string;
  /** The form's own checks before the plan's, e.g. a life domain chosen. */
  check?: () => FieldError[];
  removal?: Removal;
  children: (form: FormErrors) => ReactNode;
}

/** Focus on the form's first field once it is drawn. */
function focusFirstField(container: HTMLElement | null) {
  const field = container?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea');
  field?.focus();
}

function PartForm({ part, title, titleLevel, submitLabel, content, fields, emptyPlanField, dirty, isNew, savedMessage, check, removal, children }: PartFormProps) {
  const { caseId, target, base } = part;
  const formId = `plan-${targetKey(target)}`.replace(/[^a-zA-Z0-9-]+/g, '-');
  const form = useFormErrors(formId);
  const save = useSavePlan(caseId);
  const [conflict, setConflict] = useState<PlanConflictDetails | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const removing = useRef(false);
  const sent = useRef<PlanContent>(content);
  const ref = useRef<HTMLFormElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const titleId = form.idFor(PART_PATH);

  useEffect(() => focusFirstField(ref.current), []);

  const onProblems = (problems: FieldError[], body: PlanContent) => partErrors(problems, partPrefix(target, body), fields, removing.current ? undefined : emptyPlanField);
  const { submit, submitValues, busy } = useFormSubmit(form, {
    values: { content, baseVersion: base.version },
    check: (body) => {
      sent.current = body.content;
      const own = removing.current ? [] : (check?.() ?? []);
      return own.length ? own : onProblems(saveProblems(body, base.content, today()), body.content);
    },
    send: (body) => save.mutateAsync(body),
    onSuccess: (plan) => {
      setConflict(null);
      if (removing.current && removal) part.onSaved(plan, `${removal.message} Dit is nu versie ${plan.version} van het krachtplan.`, removal.focusId);
      else part.onSaved(plan, `${savedMessage} Dit is nu versie ${plan.version} van het krachtplan.`);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return false;
      // Someone saved in between: their changes, while this form keeps the user's text.
      if (error.status === 409 && error.body.current) {
        form.clear();
        void conflictDetails(caseId, error, base.version, emptyPlanContent(), describeNewContent(part.domainLabel)).then(setConflict, form.showApiError);
        return true;
      }
      if (error.status === 400 && error.fields.length > 0) {
        form.show(onProblems(error.fields, sent.current));
        return true;
      }
      return false;
    },
  });

  return (
    <form
      ref={ref}
      noValidate
      aria-labelledby={titleId}
      className="kt-part-form"
      onSubmit={(event) => {
        removing.current = false;
        setLoaded(null);
        if (!dirty && !isNew) {
          event.preventDefault();
          part.onUnchanged();
          return;
        }
        submit(event);
      }}
    >
      <Heading level={titleLevel} id={titleId} tabIndex={-1} className="kt-part-form__title">
        {title}
      </Heading>
      <ErrorSummary form={form} />
      {conflict && (
        <ConflictNotice
          conflict={conflict}
          onLoad={() => {
            const current = conflict.current;
            setConflict(null);
            setLoaded(`Versie ${current.version} is geladen. Uw wijzigingen in dit onderdeel staan nog in het formulier; sla ze op om ze aan versie ${current.version} toe te voegen.`);
            part.onLoadNewest(current);
          }}
        />
      )}
      <Paragraph role="status" className="kt-part-form__loaded">
        {loaded}
      </Paragraph>
      {children(form)}
      {confirmRemove && removal ? (
        <div ref={confirmBox} tabIndex={-1} className="kt-part-form__confirm" role="group" aria-labelledby={`${formId}-verwijderen`}>
          <Paragraph id={`${formId}-verwijderen`}>{removal.question}</Paragraph>
          <FormActions
            submitLabel="Ja, verwijderen"
            busy={busy}
            busyText="Bezig met verwijderen…"
            appearance="secondary"
            onSubmit={() => {
              removing.current = true;
              submitValues({ content: removal.content, baseVersion: base.version });
            }}
            cancelLabel="Nee, niet verwijderen"
            onCancel={() => {
              setConfirmRemove(false);
              setTimeout(() => removeButton.current?.focus(), 0);
            }}
          />
        </div>
      ) : (
        <>
          <FormActions submitLabel={submitLabel} busy={busy} onCancel={part.onCancel} />
          {removal && (
            <ButtonGroup className="kt-part-form__remove">
              <Button
                ref={removeButton}
                type="button"
                appearance="subtle-button"
                onClick={() => {
                  setConfirmRemove(true);
                  // The question takes focus, so it is read first (and Enter does not remove at once).
                  setTimeout(() => confirmBox.current?.focus(), 0);
                }}
              >
                {removal.label}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </form>
  );
}

/** A concurrent save: the other person's changes, while the form keeps the user's own text. */
function ConflictNotice({ conflict, onLoad }: { conflict: PlanConflictDetails; onLoad: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [conflict]);
  const who = conflict.current.savedByName ?? 'iemand anders';
  return (
    <div ref={ref} tabIndex={-1} className="kt-error-summary" aria-labelledby="plan-conflict-title">
      <Alert type="error">
        <Heading2 id="plan-conflict-title" className="kt-error-summary__title">
          Gegevens zijn intussen gewijzigd
        </Heading2>
        <Paragraph>{conflict.message}</Paragraph>
        <Paragraph>
          {who} heeft versie {conflict.current.version} opgeslagen. {conflict.changes.length === 0 ? 'Er zijn geen inhoudelijke wijzigingen gevonden.' : 'Dit is er veranderd:'}
        </Paragraph>
        {conflict.changes.length > 0 && (
          <UnorderedList aria-label={`Wijzigingen van ${who}`}>
            {conflict.changes.map((change, index) => (
              <UnorderedListItem key={index}>
                <strong>{change.label}</strong>: {change.from || '(leeg)'} → {change.to || '(leeg)'}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Paragraph>Uw eigen wijzigingen zijn niet opgeslagen en staan nog in het formulier hieronder. Laad de nieuwste versie en sla dan opnieuw op.</Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={onLoad}>
          Nieuwste gegevens laden
        </Button>
      </Alert>
    </div>
  );
}

/** The key of a field's draft: case, part and field. */
function draftKey(part: PartContext, field: string): string {
  return `krachtplan:${part.caseId}:${targetKey(part.target)}:${field}`;
}

/** Lets the page forget the form's drafts (after "Wijzigingen weggooien"). */
function useForgetDrafts(part: PartContext, ...drafts: Draft[]) {
  const current = useRef(drafts);
  current.current = drafts;
  const { onDrafts } = part;
  useEffect(() => onDrafts(() => current.current.forEach((d) => d.clear())), [onDrafts]);
}

function useReportDirty(part: PartContext, dirty: boolean) {
  const { onDirty } = part;
  useEffect(() => onDirty(dirty), [onDirty, dirty]);
}

// ---- a life domain ---------------------------------------------------------------------------

const DOMAIN_FIELDS = ['domain', 'situation', 'strengths', 'goal', 'sensitivity'] as const;

export function DomainForm({ part, titleLevel }: { part: PartContext; titleLevel: number }) {
  const { target, base, mayMark } = part;
  const isNew = target.kind === 'new-domain';
  const existing = target.kind === 'domain' ? base.content.domains.find((d) => d.domain === target.domain) : undefined;
  const code = useDraft(draftKey(part, 'domain'), existing?.domain ?? '');
  const situation = useDraft(draftKey(part, 'situation'), existing?.situation ?? '');
  const strengths = useDraft(draftKey(part, 'strengths'), existing?.strengths ?? '');
  const goal = useDraft(draftKey(part, 'goal'), existing?.goal ?? '');
  useForgetDrafts(part, code, situation, strengths, goal);
  const [sensitivity, setSensitivity] = useState<Sensitivity | null>(existing?.sensitivity ?? null);
  const dirty =
    code.value !== (existing?.domain ?? '') ||
    situation.value !== (existing?.situation ?? '') ||
    strengths.value !== (existing?.strengths ?? '') ||
    goal.value !== (existing?.goal ?? '') ||
    sensitivity !== (existing?.sensitivity ?? null);
  useReportDirty(part, dirty);

  const name = code.value ? part.domainLabel(code.value) : 'het nieuwe leefgebied';
  const value: DomainPlan = {
    ...(existing ?? { agreements: [] }),
    domain: code.value,
    situation: situation.value,
    strengths: strengths.value,
    goal: goal.value,
    ...(mayMark ? { sensitivity } : {}),
  };
  const withheldDomains = base.content.withheld?.domains ?? [];
  const options = part.domainOptions.filter((o) => !base.content.domains.some((d) => d.domain === o.value) && !withheldDomains.includes(o.value));
  const withheldAgreements = existing ? (base.content.withheld?.agreements ?? []).filter((a) => a.domain === existing.domain).length : 0;
  const count = existing?.agreements.length ?? 0;
  const goalOptional = (existing?.agreements.length ?? 0) > 0 || holdsAPlan(existing ? withoutDomain(base.content, existing.domain) : base.content);
  const removal: Removal | undefined =
    existing && withheldAgreements === 0
      ? {
          label: `Leefgebied ${name} verwijderen`,
          question: `Weet u zeker dat u ${name}${count ? ` met ${count === 1 ? 'de afspraak' : `de ${count} afspraken`}` : ''} uit het krachtplan haalt? Eerdere versies blijven bewaard.`,
          content: withoutDomain(base.content, existing.domain),
          message: `${name} is uit het krachtplan gehaald.`,
          focusId: 'leefgebieden-title',
        }
      : undefined;

  return (
    <PartForm
      part={part}
      title={isNew ? 'Leefgebied toevoegen' : `${name} bewerken`}
      titleLevel={titleLevel}
      submitLabel="Leefgebied opslaan"
      content={withDomain(base.content, value)}
      fields={DOMAIN_FIELDS}
      emptyPlanField="goal"
      dirty={dirty}
      isNew={isNew}
      savedMessage={isNew ? `${name} staat in het krachtplan.` : `${name} is opgeslagen.`}
      check={() => (isNew && !code.value ? [{ path: 'domain', message: 'Kies een leefgebied' }] : [])}
      removal={removal}
    >
      {(form) => (
        <>
          {isNew && <SelectField id={form.idFor('domain')} label="Leefgebied" options={options} value={code.value} onChange={code.setValue} placeholder="Kies een leefgebied" error={form.errorFor('domain')} required />}
          <TextareaField id={form.idFor('situation')} label="Situatie in de woorden van de cliënt" value={situation.value} onChange={situation.setValue} restored={situation.restored} maxLength={maxLengthOf(domainPlan, 'situation')} rows={3} error={form.errorFor('situation')} optional />
          <TextareaField id={form.idFor('strengths')} label="Wat gaat goed (krachten)" value={strengths.value} onChange={strengths.setValue} restored={strengths.restored} maxLength={maxLengthOf(domainPlan, 'strengths')} rows={3} error={form.errorFor('strengths')} optional />
          <TextareaField
            id={form.idFor('goal')}
            label="Doel"
            description="Wat wil de cliënt bereiken, in eigen woorden."
            value={goal.value}
            onChange={goal.setValue}
            restored={goal.restored}
            maxLength={maxLengthOf(domainPlan, 'goal')}
            rows={2}
            error={form.errorFor('goal')}
            // Without another goal or agreement in the plan, this goal is what makes it a plan.
            optional={goalOptional}
            required={!goalOptional}
          />
          {mayMark && (
            <SensitivityField
              id={form.idFor('sensitivity')}
              label={code.value ? `Gevoelig: leefgebied ${name}` : 'Gevoelig: leefgebied'}
              description="Bij huiselijk geweld, gezondheid of justitie: alleen de betrokken medewerkers van deze casus zien dit leefgebied met zijn afspraken."
              value={sensitivity}
              onChange={setSensitivity}
              error={form.errorFor('sensitivity')}
            />
          )}
          {withheldAgreements > 0 && <Paragraph className="kt-muted">Dit leefgebied heeft een afgeschermde afspraak; alleen de betrokken medewerkers van deze casus kunnen het verwijderen.</Paragraph>}
        </>
      )}
    </PartForm>
  );
}

// ---- an agreement ----------------------------------------------------------------------------

const AGREEMENT_FIELDS = ['what', 'owner', 'ownerName', 'dueOn', 'status', 'result', 'sensitivity'] as const;

export function AgreementForm({ part, titleLevel, number }: { part: PartContext; titleLevel: number; /** Its place in the domain's list, counted from 1. */ number: number }) {
  const { target, base, mayMark } = part;
  const code = target.kind === 'agreement' || target.kind === 'new-agreement' ? target.domain : '';
  const isNew = target.kind === 'new-agreement';
  const existing = target.kind === 'agreement' ? base.content.domains.find((d) => d.domain === code)?.agreements.find((a) => a.id === target.id) : undefined;
  const [id] = useState(() => existing?.id ?? newIdempotencyKey());
  const what = useDraft(draftKey(part, 'what'), existing?.what ?? '');
  const result = useDraft(draftKey(part, 'result'), existing?.result ?? '');
  useForgetDrafts(part, what, result);
  const [owner, setOwner] = useState<string>(existing?.owner ?? '');
  const [ownerName, setOwnerName] = useState(existing?.ownerName ?? '');
  const [dueOn, setDueOn] = useState(existing?.dueOn ?? '');
  const [status, setStatus] = useState<Agreement['status']>(existing?.status ?? 'open');
  const [sensitivity, setSensitivity] = useState<Sensitivity | null>(existing?.sensitivity ?? null);
  const dirty =
    what.value !== (existing?.what ?? '') ||
    result.value !== (existing?.result ?? '') ||
    owner !== (existing?.owner ?? '') ||
    ownerName !== (existing?.ownerName ?? '') ||
    dueOn !== (existing?.dueOn ?? '') ||
    status !== (existing?.status ?? 'open') ||
    sensitivity !== (existing?.sensitivity ?? null);
  useReportDirty(part, dirty);

  const domainName = part.domainLabel(code);
  const legend = `${domainName}: afspraak ${number}`;
  const value: Agreement = {
    ...(existing ?? {}),
    id,
    what: what.value,
    owner: owner as Owner,
    ownerName,
    dueOn: dueOn || null,
    status,
    result: result.value,
    ...(mayMark ? { sensitivity } : {}),
  };
  const removal: Removal | undefined = existing
    ? {
        label: 'Afspraak verwijderen',
        question: `Weet u zeker dat u de afspraak "${existing.what}" uit het krachtplan haalt? Eerdere versies blijven bewaard.`,
        content: withoutAgreement(base.content, code, existing.id),
        message: `De afspraak is uit ${domainName} gehaald.`,
        focusId: openerId({ kind: 'new-agreement', domain: code }),
      }
    : undefined;

  return (
    <PartForm
      part={part}
      title={isNew ? `Nieuwe afspraak bij ${domainName}` : `${legend} bewerken`}
      titleLevel={titleLevel}
      submitLabel="Afspraak opslaan"
      content={withAgreement(base.content, code, value)}
      fields={AGREEMENT_FIELDS}
      dirty={dirty}
      isNew={isNew}
      savedMessage={isNew ? `De afspraak staat bij ${domainName}.` : 'De afspraak is opgeslagen.'}
      removal={removal}
    >
      {(form) => (
        <>
          {isNew && (
            <div className="kt-plan-questions">
              <Paragraph>Vraag in deze volgorde:</Paragraph>
              <ol className="kt-questions">
                {KITCHEN_TABLE_QUESTIONS.map((q) => (
                  <li key={q.owner}>{q.question}</li>
                ))}
              </ol>
            </div>
          )}
          <TextareaField id={form.idFor('what')} label="Afspraak" value={what.value} onChange={what.setValue} restored={what.restored} maxLength={maxLengthOf(agreementSchema, 'what')} rows={2} error={form.errorFor('what')} required />
          <div className="kt-row">
            <SelectField id={form.idFor('owner')} label="Wie" description={OWNER_HELP_SHORT} options={OWNER_OPTIONS} value={owner} onChange={setOwner} error={form.errorFor('owner')} required />
            <TextField id={form.idFor('ownerName')} label="Naam" description="Bijvoorbeeld: dochter Samira" size="m" value={ownerName} onChange={setOwnerName} error={form.errorFor('ownerName')} optional />
          </div>
          <div className="kt-row">
            <TextField id={form.idFor('dueOn')} label="Wanneer klaar" type="date" size="s" value={dueOn} onChange={setDueOn} error={form.errorFor('dueOn')} optional />
            {!isNew && <SelectField id={form.idFor('status')} label="Status" options={STATUS_OPTIONS} placeholder={null} value={status} onChange={(v) => setStatus(v as Agreement['status'])} error={form.errorFor('status')} />}
          </div>
          {!isNew && <TextareaField id={form.idFor('result')} label="Resultaat" value={result.value} onChange={result.setValue} restored={result.restored} maxLength={maxLengthOf(agreementSchema, 'result')} rows={2} error={form.errorFor('result')} optional />}
          {mayMark && (
            <SensitivityField
              id={form.idFor('sensitivity')}
              label={`Gevoelig: ${legend}`}
              description="Bij huiselijk geweld, gezondheid of justitie: alleen de betrokken medewerkers van deze casus zien deze afspraak."
              value={sensitivity}
              onChange={setSensitivity}
              error={form.errorFor('sensitivity')}
            />
          )}
        </>
      )}
    </PartForm>
  );
}

// ---- participation, the end of the support, the crisis plan ------------------------------------

export function ParticipationForm({ part, titleLevel }: { part: PartContext; titleLevel: number }) {
  const { base } = part;
  const reciprocity = useDraft(draftKey(part, 'reciprocity'), base.content.reciprocity);
  useForgetDrafts(part, reciprocity);
  const [start, setStart] = useState(base.content.participation.start === null ? '' : String(base.content.participation.start));
  const [now, setNow] = useState(base.content.participation.now === null ? '' : String(base.content.participation.now));
  const rung = (v: string) => (v ? Number(v) : null);
  const dirty = reciprocity.value !== base.content.reciprocity || rung(start) !== base.content.participation.start || rung(now) !== base.content.participation.now;
  useReportDirty(part, dirty);
  return (
    <PartForm
      part={part}
      title="Meedoen en wederkerigheid bewerken"
      titleLevel={titleLevel}
      submitLabel="Opslaan"
      content={{ ...base.content, reciprocity: reciprocity.value, participation: { start: rung(start), now: rung(now) } }}
      fields={['reciprocity', 'participation']}
      dirty={dirty}
      isNew={false}
      savedMessage="Meedoen en wederkerigheid zijn opgeslagen."
    >
      {(form) => (
        <>
          <TextareaField id={form.idFor('reciprocity')} label="Wederkerigheid: wat geeft de cliënt terug?" description="Bijvoorbeeld vrijwilligerswerk of een buurvrouw helpen." value={reciprocity.value} onChange={reciprocity.setValue} restored={reciprocity.restored} maxLength={maxLengthOf(planContent, 'reciprocity')} rows={3} error={form.errorFor('reciprocity')} optional />
          <div className="kt-row">
            <SelectField id={form.idFor('participation.start')} label="Trede bij de start" description="Participatieladder" options={LADDER_OPTIONS} placeholder="Niet ingevuld" value={start} onChange={setStart} error={form.errorFor('participation.start')} optional />
            <SelectField id={form.idFor('participation.now')} label="Trede nu" description="Participatieladder" options={LADDER_OPTIONS} placeholder="Niet ingevuld" value={now} onChange={setNow} error={form.errorFor('participation.now')} optional />
          </div>
        </>
      )}
    </PartForm>
  );
}

export function EndForm({ part, titleLevel }: { part: PartContext; titleLevel: number }) {
  const { base } = part;
  const [expectedEndOn, setExpectedEndOn] = useState(base.content.expectedEndOn ?? '');
  const [reviewOn, setReviewOn] = useState(base.content.reviewOn ?? '');
  const dirty = (expectedEndOn || null) !== base.content.expectedEndOn || (reviewOn || null) !== base.content.reviewOn;
  useReportDirty(part, dirty);
  const now = today();
  return (
    <PartForm
      part={part}
      title="Einde en evaluatie bewerken"
      titleLevel={titleLevel}
      submitLabel="Opslaan"
      content={{ ...base.content, expectedEndOn: expectedEndOn || null, reviewOn: reviewOn || null }}
      fields={['expectedEndOn', 'reviewOn']}
      dirty={dirty}
      isNew={false}
      savedMessage="De data zijn opgeslagen."
    >
      {(form) => (
        <div className="kt-row">
          <TextField id={form.idFor('expectedEndOn')} label="Verwachte einddatum van de ondersteuning" type="date" size="s" value={expectedEndOn} onChange={setExpectedEndOn} error={form.errorFor('expectedEndOn')} optional />
          <TextField id={form.idFor('reviewOn')} label="Evaluatiedatum" description="Vandaag of later, tot twee jaar vooruit." type="date" size="s" min={now} max={latestReviewOn(now)} value={reviewOn} onChange={setReviewOn} error={form.errorFor('reviewOn')} optional />
        </div>
      )}
    </PartForm>
  );
}

type Contact = PlanContent['crisisPlan']['contacts'][number];

export function CrisisForm({ part, titleLevel }: { part: PartContext; titleLevel: number }) {
  const { base } = part;
  const crisis = base.content.crisisPlan;
  const signs = useDraft(draftKey(part, 'signs'), crisis.signs);
  const clientDoes = useDraft(draftKey(part, 'clientDoes'), crisis.clientDoes);
  const carerDoes = useDraft(draftKey(part, 'carerDoes'), crisis.carerDoes);
  useForgetDrafts(part, signs, clientDoes, carerDoes);
  const [contacts, setContacts] = useState<Contact[]>(crisis.contacts);
  const dirty = signs.value !== crisis.signs || clientDoes.value !== crisis.clientDoes || carerDoes.value !== crisis.carerDoes || JSON.stringify(contacts) !== JSON.stringify(crisis.contacts);
  useReportDirty(part, dirty);
  const setContact = (index: number, patch: Partial<Contact>) => setContacts(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <PartForm
      part={part}
      title="Crisisplan bewerken"
      titleLevel={titleLevel}
      submitLabel="Crisisplan opslaan"
      content={{ ...base.content, crisisPlan: { signs: signs.value, clientDoes: clientDoes.value, carerDoes: carerDoes.value, contacts } }}
      fields={['signs', 'clientDoes', 'carerDoes', 'contacts']}
      dirty={dirty}
      isNew={false}
      savedMessage="Het crisisplan is opgeslagen."
    >
      {(form) => (
        <>
          <TextareaField id={form.idFor('signs')} label="Signalen dat het misgaat" value={signs.value} onChange={signs.setValue} restored={signs.restored} maxLength={maxLengthOf(crisisPlanSchema, 'signs')} rows={3} error={form.errorFor('signs')} optional />
          <TextareaField id={form.idFor('clientDoes')} label="Wat doet de cliënt dan" value={clientDoes.value} onChange={clientDoes.setValue} restored={clientDoes.restored} maxLength={maxLengthOf(crisisPlanSchema, 'clientDoes')} rows={3} error={form.errorFor('clientDoes')} optional />
          <TextareaField id={form.idFor('carerDoes')} label="Wat doet de mantelzorger dan" value={carerDoes.value} onChange={carerDoes.setValue} restored={carerDoes.restored} maxLength={maxLengthOf(crisisPlanSchema, 'carerDoes')} rows={3} error={form.errorFor('carerDoes')} optional />
          {contacts.map((contact, index) => {
            const path = `contacts.${index}`;
            return (
              <Fieldset key={index} className="kt-subsection">
                <FieldsetLegend className="kt-legend">Contactpersoon {index + 1}</FieldsetLegend>
                <div className="kt-row">
                  <TextField id={form.idFor(`${path}.name`)} label="Naam" size="m" value={contact.name} onChange={(v) => setContact(index, { name: v })} error={form.errorFor(`${path}.name`)} required />
                  <TextField id={form.idFor(`${path}.role`)} label="Rol" size="m" value={contact.role} onChange={(v) => setContact(index, { role: v })} error={form.errorFor(`${path}.role`)} optional />
                  <TextField id={form.idFor(`${path}.phone`)} label="Telefoon" type="tel" size="s" autoComplete="off" value={contact.phone} onChange={(v) => setContact(index, { phone: v })} error={form.errorFor(`${path}.phone`)} optional />
                </div>
                <ButtonGroup>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => {
                      setContacts(contacts.filter((_, i) => i !== index));
                      setTimeout(() => document.getElementById('plan-contact-toevoegen')?.focus(), 0);
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
                setContacts([...contacts, { name: '', role: '', phone: '' }]);
                setTimeout(() => document.getElementById(form.idFor(`contacts.${contacts.length}.name`))?.focus(), 0);
              }}
            >
              Contactpersoon toevoegen
            </Button>
          </ButtonGroup>
        </>
      )}
    </PartForm>
  );
}
