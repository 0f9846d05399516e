// The case header that stays in view while the worker scrolls: who (the household's main client),
// the status, the lead worker, the wait for the first meeting, the next step, the main actions and
// the parts of the page. On a phone only the actions and the parts stay in view (with a one-line
// reminder of who and which status), so the header takes little of the screen.
import { useEffect, useRef } from 'react';
import { Button } from '@utrecht/component-library-react';
import { CASE_STATUS_LABELS } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { fullName, today } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { CaseStatusBadge } from '../../app/StatusBadge';
import { WaitingDays } from '../../app/WaitingDays';
import { usePlan } from '../plans/api';
import { useCaseZrm } from '../zrm/api';
import type { CaseDetail } from './api';
import { CASE_TABS, type CaseForms, type CaseTabId } from './case-tabs';
import { StepText } from './CaseOverview';
import { openAgreements } from './CloseCaseForm';
import { nextStep } from './next-step';

/**
 * The header's actions: each opens a form in the part of the page where it belongs. A new action
 * is one line here and its disclosure in `useCaseForms` (CasePage).
 */
/** `short`: the label on a phone, after a "+" (the full label stays the button's name). */
export const CASE_ACTIONS: readonly { form: keyof CaseForms; label: string; short: string; tab: CaseTabId; available: (detail: CaseDetail) => boolean }[] = [
  { form: 'journaal', label: 'Nieuwe journaalregel', short: 'Journaal', tab: 'journaal', available: (d) => d.mayWriteJournal && d.status !== 'closed' },
  { form: 'taak', label: 'Nieuwe taak', short: 'Taak', tab: 'taken', available: (d) => d.mayWrite },
  { form: 'document', label: 'Nieuw document', short: 'Document', tab: 'documenten', available: (d) => d.mayWrite },
  { form: 'afspraak', label: 'Nieuwe afspraak', short: 'Afspraak', tab: 'afspraken', available: (d) => d.mayWrite && d.status !== 'closed' },
];

interface Props {
  detail: CaseDetail;
  title: string;
  tab: CaseTabId;
  forms: CaseForms;
  /** Opens an action's form in its part of the page (switching to it first). */
  onAction: (form: keyof CaseForms, tab: CaseTabId) => void;
}

export function CaseHeader({ detail, title, tab, forms, onAction }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useStickyOffset(ref);
  const main = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const others = detail.household.length - (main ? 1 : 0);
  const actions = CASE_ACTIONS.filter((a) => a.available(detail));
  // On a phone the parts are one row that scrolls sideways: keep the current one in sight.
  const tabsRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = tabsRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    list.scrollLeft = current.offsetLeft - list.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
  }, [tab]);
  return (
    <div ref={ref} className="kt-case-header">
      <div className="kt-case-header__summary">
        <div className="kt-case-header__title">
          <PageTitle title={title} />
          <CaseStatusBadge status={detail.status} />
        </div>
        <dl className="kt-case-facts">
          <div className="kt-case-facts__item">
            <dt>Huishouden</dt>
            <dd>
              {main ? fullName(main) : 'Geen hoofdcliënt'}
              {others > 0 ? (others === 1 ? ' en 1 huisgenoot' : ` en ${others} huisgenoten`) : ''}
            </dd>
          </div>
          <div className="kt-case-facts__item">
            <dt>Regisseur</dt>
            <dd>{detail.leadWorker?.name ?? 'Nog niet toegewezen'}</dd>
          </div>
          <div className="kt-case-facts__item">
            {detail.closedOn ? (
              <>
                <dt>Afgesloten op</dt>
                <dd>
                  <DateText value={detail.closedOn} />
                </dd>
              </>
            ) : (
              <>
                <dt>Tot de kennismaking</dt>
                <dd>
                  <WaitingDays waitingDays={detail.waitingDays} overNorm={detail.overNorm} met={!!detail.firstMeetingOn} />
                </dd>
              </>
            )}
          </div>
          <NextStepFact detail={detail} />
        </dl>
      </div>
      <div className="kt-case-header__bar">
        {/* On a phone the summary scrolls away; this line keeps who and which status in view. Screen readers have the heading. */}
        <p className="kt-case-header__reminder" aria-hidden="true">
          {main ? fullName(main) : title} · {CASE_STATUS_LABELS[detail.status]}
        </p>
        {actions.length > 0 && (
          <ul className="kt-case-actions" aria-label="Acties voor deze casus">
            {actions.map((action) => {
              const form = forms[action.form];
              return (
                <li key={action.form}>
                  <Button type="button" appearance="primary-action-button" aria-label={action.label} {...form.buttonProps} onClick={() => (form.open ? form.toggle() : onAction(action.form, action.tab))}>
                    <span className="kt-action-label--long">{action.label}</span>
                    <span className="kt-action-label--short" aria-hidden="true">
                      + {action.short}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <nav aria-label="Onderdelen van de casus" className="kt-case-tabs">
          <ul className="kt-case-tabs__list" ref={tabsRef}>
            {CASE_TABS.map((t) => (
              <li key={t.id} className="kt-case-tabs__item">
                <RouterLink to={`#${t.id}`} className={`kt-case-tabs__link${t.id === tab ? ' kt-case-tabs__link--current' : ''}`} aria-current={t.id === tab ? 'page' : undefined}>
                  {t.label}
                </RouterLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}

function NextStepFact({ detail }: { detail: CaseDetail }) {
  const zrm = useCaseZrm(detail.id);
  const plan = usePlan(detail.id);
  const step = nextStep({
    status: detail.status,
    due: detail.due,
    zrmDue: zrm.data?.due,
    plan: plan.data ? { version: plan.data.version, reviewOn: plan.data.content.reviewOn, openAgreements: openAgreements(plan.data) } : undefined,
    today: today(),
  });
  return (
    <div className="kt-case-facts__item">
      <dt>Volgende stap</dt>
      <dd>{step ? <StepText step={step} /> : detail.status === 'closed' ? 'Geen; heropen de casus als er weer hulp nodig is' : 'Niets met een datum'}</dd>
    </div>
  );
}

/**
 * Tells the page how tall the sticky part is, so that the browser scrolls a focused field or a
 * heading below it instead of under it (WCAG 2.4.11), via `scroll-padding` on the document.
 */
function useStickyOffset(ref: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const header = ref.current;
    if (!header) return;
    const root = document.documentElement;
    const measure = () => {
      const sticky = getComputedStyle(header).position === 'sticky' ? header : header.querySelector<HTMLElement>('.kt-case-header__bar');
      root.style.setProperty('--kt-case-header-height', `${Math.ceil(sticky?.getBoundingClientRect().height ?? 0)}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      root.style.removeProperty('--kt-case-header-height');
    };
  }, [ref]);
}
