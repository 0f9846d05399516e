// Krachtplan of a case: the plan as it reads (PlanSections.tsx), one part at a time in edit mode
// (PlanForm.tsx), each save a new version; the versions with the client's agreement, comparing
// versions, print. Whoever may read the case reads the plan here, also when the case is closed.
// Unsaved changes: another part, "Annuleren" or a link away asks first (LeaveDialog, use-leave-guard);
// the open part and its long texts survive a session that ends (use-draft.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { formatDate, fullName } from '../../app/format';
import { RouterButtonLink, RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { queryKeys } from '../../app/query-keys';
import { codeOptions, useReference } from '../../app/reference';
import { useDraft } from '../../app/use-draft';
import { useCase, type CaseDetail } from '../cases/api';
import { usePlan, type Plan } from './api';
import { LeaveDialog } from './LeaveDialog';
import { openerId, parseTarget, sameTarget, targetExists, targetKey, type PlanTarget } from './plan-editing';
import { PlanAgreementForm } from './PlanAgreementForm';
import { PlanCompare } from './PlanCompare';
import { AgreementForm, CrisisForm, DomainForm, EndForm, ParticipationForm, type PartBase, type PartContext } from './PlanForm';
import { CrisisSection, DomainsSection, EndSection, Notice, ParticipationSection, sectionOf, type PlanEditing } from './PlanSections';
import { agreementText, PlanVersions } from './PlanVersions';
import { useLeaveGuard } from './use-leave-guard';
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

interface Session {
  target: PlanTarget;
  /** The version the form opened on (or the newest, after "Nieuwste gegevens laden"). */
  base: PartBase;
}

/** What holds the changes, for the question before they are lost. */
function describe(target: PlanTarget, domainLabel: (code: string) => string): string {
  switch (target.kind) {
    case 'domain':
      return `het leefgebied ${domainLabel(target.domain)}`;
    case 'new-domain':
      return 'het nieuwe leefgebied';
    case 'agreement':
      return `een afspraak bij ${domainLabel(target.domain)}`;
    case 'new-agreement':
      return `de nieuwe afspraak bij ${domainLabel(target.domain)}`;
    case 'participation':
      return 'meedoen en wederkerigheid';
    case 'end':
      return 'de einddatum of evaluatiedatum';
    case 'crisis':
      return 'het crisisplan';
    case 'akkoord':
      return 'het akkoord van de cliënt';
  }
}

function PlanView({ detail, plan }: { detail: CaseDetail; plan: Plan }) {
  const mainClient = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const title = mainClient ? `Krachtplan ${fullName(mainClient)}` : 'Krachtplan';
  // The server says whether a save would be taken (role, record scope, a case not closed).
  const mayWrite = plan.mayWrite;
  const reference = useReference();
  const domainOptions = codeOptions(reference.data, 'zrm_domains');
  const domainLabel = useCallback((code: string) => domainOptions.find((o) => o.value === code)?.label ?? code, [domainOptions]);
  const queryClient = useQueryClient();

  // The part that was open with changes when the session ended comes back open (its texts too).
  const openPart = useDraft(`krachtplan:${detail.id}:open`);
  const [session, setSession] = useState<Session | null>(() => {
    const kept = parseTarget(openPart.value);
    return mayWrite && kept && targetExists(kept, plan.content) && (kept.kind !== 'akkoord' || (plan.version > 0 && !plan.agreedOn)) ? { target: kept, base: { content: plan.content, version: plan.version } } : null;
  });
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<{ section: string; text: string } | null>(null);
  const [asking, setAsking] = useState<{ proceed: () => void } | null>(null);
  const forgetDrafts = useRef<() => void>(() => undefined);
  const focusNext = useRef<string | null>(null);

  const openKey = session ? JSON.stringify(session.target) : '';
  const setOpenPart = openPart.setValue;
  useEffect(() => setOpenPart(dirty ? openKey : ''), [setOpenPart, openKey, dirty]);

  // Focus where a closed form sends it (its opening button), once React has drawn the change.
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const ask = (proceed: () => void) => (dirty ? setAsking({ proceed }) : proceed());
  useLeaveGuard(!!session && dirty, (proceed) => setAsking({ proceed }));

  const close = (focusId?: string) => {
    if (session) focusNext.current = focusId ?? openerId(session.target);
    forgetDrafts.current();
    forgetDrafts.current = () => undefined;
    setSession(null);
    setDirty(false);
  };

  const toggle = (target: PlanTarget) => {
    if (session && sameTarget(session.target, target)) return ask(() => close());
    ask(() => {
      forgetDrafts.current();
      forgetDrafts.current = () => undefined;
      setNotice(null);
      setDirty(false);
      setSession({ target, base: { content: plan.content, version: plan.version } });
    });
  };

  const onDrafts = useCallback((forget: () => void) => {
    forgetDrafts.current = forget;
  }, []);

  const context = (s: Session): PartContext => ({
    caseId: detail.id,
    target: s.target,
    base: s.base,
    mayMark: plan.mayMarkSensitive,
    domainLabel,
    domainOptions,
    onDirty: setDirty,
    onDrafts,
    onSaved: (saved, message, focusId) => {
      setNotice({ section: sectionOf(s.target, saved.content), text: message });
      close(focusId);
    },
    onUnchanged: () => {
      setNotice({ section: sectionOf(s.target, plan.content), text: 'Er was niets gewijzigd. Er is geen nieuwe versie gemaakt.' });
      close();
    },
    onCancel: () => ask(() => close()),
    onLoadNewest: (current) => {
      queryClient.setQueryData(queryKeys.plans.ofCase(detail.id), current);
      if (targetExists(s.target, current.content)) {
        setSession({ target: s.target, base: { content: current.content, version: current.version } });
        return;
      }
      setNotice({ section: sectionOf(s.target, current.content), text: `${current.savedByName ?? 'Iemand anders'} heeft dit onderdeel intussen uit het krachtplan gehaald. Uw wijzigingen zijn niet opgeslagen.` });
      close(sectionOf(s.target, current.content) === 'leefgebieden' ? 'leefgebieden-title' : undefined);
    },
  });

  const form = (target: PlanTarget, titleLevel: number, options: { number?: number } = {}) => {
    if (!session || !sameTarget(session.target, target)) return null;
    const part = context(session);
    // Keyed by the part, so another part starts with its own fields and drafts.
    const key = targetKey(target);
    switch (target.kind) {
      case 'domain':
      case 'new-domain':
        return <DomainForm key={key} part={part} titleLevel={titleLevel} />;
      case 'agreement':
      case 'new-agreement':
        return <AgreementForm key={key} part={part} titleLevel={titleLevel} number={options.number ?? 1} />;
      case 'participation':
        return <ParticipationForm key={key} part={part} titleLevel={titleLevel} />;
      case 'end':
        return <EndForm key={key} part={part} titleLevel={titleLevel} />;
      case 'crisis':
        return <CrisisForm key={key} part={part} titleLevel={titleLevel} />;
      case 'akkoord':
        return (
          <PlanAgreementForm
            key={key}
            caseId={detail.id}
            plan={plan}
            onDirty={setDirty}
            onRecorded={(_, message) => {
              setNotice({ section: 'versies', text: message });
              // Its button is gone once the version has an agreement: focus goes to the versions.
              close('versies-title');
            }}
            onCancel={() => ask(() => close())}
          />
        );
    }
  };

  const withheldDomains = plan.content.withheld?.domains ?? [];
  const editing: PlanEditing = {
    mayWrite,
    mayMark: plan.mayMarkSensitive,
    isOpen: (target) => sameTarget(session?.target ?? null, target),
    toggle,
    form,
    notice: (section) => (notice?.section === section ? notice.text : null),
    domainLabel,
    domainsLeft: domainOptions.filter((o) => !plan.content.domains.some((d) => d.domain === o.value) && !withheldDomains.includes(o.value)).length,
  };
  const agreeing: PlanTarget = { kind: 'akkoord' };

  return (
    <>
      <PageTitle title={title} />
      <Paragraph>
        <RouterLink to={`/casussen/${detail.id}`}>Terug naar de casus</RouterLink>
      </Paragraph>
      {plan.version === 0 ? (
        <Paragraph>{mayWrite ? 'Er is nog geen krachtplan. Begin met een leefgebied: schrijf samen met de cliënt de situatie en het doel op.' : 'Er is nog geen krachtplan.'}</Paragraph>
      ) : (
        <Paragraph>
          Versie {plan.version} van {formatDate(plan.savedAt)}
          {plan.savedByName ? `, opgeslagen door ${plan.savedByName}` : ''}: {agreementText(plan)}.{mayWrite ? ' Elke keer dat u iets opslaat, komt er een nieuwe versie bij.' : ''}
        </Paragraph>
      )}
      {!mayWrite && <Paragraph className="kt-plan-readonly">{detail.status === 'closed' ? 'De casus is afgesloten. U kunt dit krachtplan lezen, maar niet wijzigen.' : 'U kunt dit krachtplan niet wijzigen.'}</Paragraph>}
      {plan.version > 0 && (
        <ButtonGroup>
          <RouterButtonLink to={`/casussen/${detail.id}/plan/afdrukken`}>Afdrukversie voor de cliënt</RouterButtonLink>
        </ButtonGroup>
      )}
      {(mayWrite || plan.version > 0) && <DomainsSection content={plan.content} editing={editing} />}
      {plan.version > 0 && (
        <>
          <ParticipationSection content={plan.content} editing={editing} />
          <EndSection content={plan.content} editing={editing} />
          <CrisisSection content={plan.content} editing={editing} />
        </>
      )}
      <section aria-labelledby="versies-title" className="kt-section">
        <Heading2 id="versies-title" tabIndex={-1}>
          Versies
        </Heading2>
        <PlanVersions plan={plan} />
        <Notice editing={editing} section="versies" />
        {mayWrite && plan.version > 0 && !plan.agreedOn && (
          <ButtonGroup>
            <Button id={openerId(agreeing)} type="button" appearance="secondary-action-button" aria-expanded={editing.isOpen(agreeing)} onClick={() => toggle(agreeing)}>
              Akkoord van de cliënt vastleggen
            </Button>
          </ButtonGroup>
        )}
        {form(agreeing, 3)}
      </section>
      {plan.versions.length > 1 && <PlanCompare caseId={detail.id} plan={plan} />}
      <LeaveDialog
        what={asking && session ? describe(session.target, domainLabel) : null}
        onStay={() => {
          setAsking(null);
          // Back in the form that holds the changes.
          setTimeout(() => document.querySelector<HTMLElement>('.kt-part-form :is(input:not([type="hidden"]), select, textarea)')?.focus(), 0);
        }}
        onDiscard={() => {
          const proceed = asking?.proceed;
          setAsking(null);
          forgetDrafts.current();
          setOpenPart('');
          proceed?.();
        }}
      />
    </>
  );
}
