// Krachtplan of a case: edit and save (as a new version, based on the version loaded), the
// versions with the client's agreement, record the agreement, compare versions, print.
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { z } from 'zod';
import { savePlanBody } from '../../../server/modules/plans/plans.schemas';
import { ApiError, type FieldError } from '../../app/api';
import { ErrorSummary } from '../../app/ErrorSummary';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { fullName } from '../../app/format';
import { RouterButtonLink, RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { queryKeys } from '../../app/query-keys';
import { codeOptions, useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useCase, type CaseDetail } from '../cases/api';
import { conflictDetails, usePlan, useSavePlan, type Plan, type PlanConflictDetails, type PlanContent } from './api';
import { PlanAgreementForm } from './PlanAgreementForm';
import { PlanCompare } from './PlanCompare';
import { PlanForm } from './PlanForm';
import { describeNewContent, emptyPlanContent } from './plan-labels';
import { PlanVersions } from './PlanVersions';
import './plans.css';

export function PlanPage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  const plan = usePlan(id);
  return (
    <QueryStatus query={detail} what="de casus">
      {(c) => (
        <QueryStatus query={plan} what="het krachtplan">
          {(p) => <PlanView detail={c} plan={p} />}
        </QueryStatus>
      )}
    </QueryStatus>
  );
}

function PlanView({ detail, plan }: { detail: CaseDetail; plan: Plan }) {
  const mainClient = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const title = mainClient ? `Krachtplan ${fullName(mainClient)}` : 'Krachtplan';
  // The server says whether a save would be taken (role, record scope, a case not closed).
  const mayWrite = plan.mayWrite;
  return (
    <>
      <PageTitle title={title} />
      <Paragraph>
        <RouterLink to={`/casussen/${detail.id}`}>Terug naar de casus</RouterLink>
      </Paragraph>
      <Paragraph>
        {plan.version === 0 ? 'Er is nog geen krachtplan. Vul het samen met de cliënt in en sla het op.' : `Dit is versie ${plan.version}. Elke keer dat u opslaat, komt er een nieuwe versie bij.`}
      </Paragraph>
      {plan.version > 0 && (
        <ButtonGroup>
          <RouterButtonLink to={`/casussen/${detail.id}/plan/afdrukken`}>Afdrukversie voor de cliënt</RouterButtonLink>
        </ButtonGroup>
      )}
      {mayWrite ? <PlanEditor caseId={detail.id} plan={plan} /> : <Paragraph>U kunt dit krachtplan niet wijzigen{detail.status === 'closed' ? ': de casus is afgesloten' : ''}.{plan.version > 0 ? ' De afdrukversie laat het hele plan zien.' : ''}</Paragraph>}
      <section aria-labelledby="versies-title" className="kt-section">
        <Heading2 id="versies-title">Versies</Heading2>
        <PlanVersions plan={plan} />
        {mayWrite && plan.version > 0 && <PlanAgreementForm caseId={detail.id} plan={plan} />}
      </section>
      {plan.versions.length > 1 && <PlanCompare caseId={detail.id} plan={plan} />}
    </>
  );
}

/** zod issues with their list positions kept (domains.0.agreements.1.what), named by domain and agreement. */
function planFieldErrors(error: z.ZodError, content: PlanContent, domainLabel: (code: string) => string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of error.issues) {
    const parts = issue.path[0] === 'content' ? issue.path.slice(1) : issue.path;
    const path = parts.join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    let where = '';
    if (parts[0] === 'domains' && typeof parts[1] === 'number') {
      where = domainLabel(content.domains[parts[1]]?.domain ?? '');
      if (parts[2] === 'agreements' && typeof parts[3] === 'number') where += `, afspraak ${parts[3] + 1}`;
    } else if (parts[0] === 'crisisPlan' && parts[1] === 'contacts' && typeof parts[2] === 'number') {
      where = `Crisisplan, contactpersoon ${parts[2] + 1}`;
    }
    result.push({ path, message: where ? `${where}: ${issue.message}` : issue.message });
  }
  return result;
}

function PlanEditor({ caseId, plan }: { caseId: string; plan: Plan }) {
  const reference = useReference();
  const domainOptions = codeOptions(reference.data, 'zrm_domains');
  const domainLabel = (code: string) => domainOptions.find((o) => o.value === code)?.label ?? code;
  const save = useSavePlan(caseId);
  const queryClient = useQueryClient();
  const form = useFormErrors('plan', { mapPath: (p) => p.replace(/^content\./, '') });
  const [draft, setDraft] = useState<PlanContent>(plan.content);
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [conflict, setConflict] = useState<PlanConflictDetails | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const edit = (content: PlanContent) => {
    setDraft(content);
    setDirty(true);
  };

  // Closing the tab or reloading with unsaved changes asks first (the browser's own question).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // A newer version arriving while nothing was typed yet (cached page, background refetch) is
  // simply taken over; once the user typed, only a save or "Nieuwste gegevens laden" moves on.
  useEffect(() => {
    if (!dirty && plan.version > baseVersion) {
      setDraft(plan.content);
      setBaseVersion(plan.version);
    }
  }, [dirty, plan, baseVersion]);

  const { submit, busy } = useFormSubmit(form, {
    values: { content: draft, baseVersion },
    // The messages name the domain and agreement (the path keeps the list positions).
    check: (body) => {
      const parsed = savePlanBody.safeParse(body);
      return parsed.success ? [] : planFieldErrors(parsed.error, draft, domainLabel);
    },
    send: (body) => save.mutateAsync(body),
    onSuccess: (result) => {
      setConflict(null);
      setDraft(result.content);
      setBaseVersion(result.version);
      setDirty(false);
      setSaved(`Het krachtplan is opgeslagen als versie ${result.version}.`);
    },
    // Someone saved in between: instead of the summary, what they changed, while the form keeps this user's text.
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return false;
      form.clear();
      void conflictDetails(caseId, error, baseVersion, emptyPlanContent(), describeNewContent(domainLabel)).then(setConflict, form.showApiError);
      return true;
    },
  });

  function loadNewest(current: Plan) {
    queryClient.setQueryData(queryKeys.plans.ofCase(caseId), current);
    setDraft(current.content);
    setBaseVersion(current.version);
    setDirty(false);
    setConflict(null);
    setSaved(`Versie ${current.version} is geladen. Voer uw wijzigingen opnieuw in waar dat nodig is.`);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        setSaved(null);
        submit(event);
      }}
      aria-label="Krachtplan"
      className="kt-plan-form"
    >
      <ErrorSummary form={form} />
      {conflict && <ConflictNotice conflict={conflict} onLoad={() => loadNewest(conflict.current)} />}
      <PlanForm form={form} value={draft} onChange={edit} domainOptions={domainOptions} mayMark={plan.mayMarkSensitive} />
      <Paragraph role="status" className="kt-saved">
        {saved}
      </Paragraph>
      <FormActions submitLabel="Krachtplan opslaan" busy={busy} />
      <Paragraph className="kt-muted">U werkt op versie {baseVersion === 0 ? '0 (nieuw plan)' : baseVersion}.</Paragraph>
    </form>
  );
}

/** A concurrent save: the other person's changes, while this form keeps the user's own text. */
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
        <Paragraph>Uw eigen wijzigingen zijn niet opgeslagen en staan nog in het formulier hieronder. Kopieer wat u wilt bewaren voordat u de nieuwste versie laadt.</Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={onLoad}>
          Nieuwste gegevens laden
        </Button>
      </Alert>
    </div>
  );
}
