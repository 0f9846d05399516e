// Casus: a header that stays in view (who, status, lead worker, wait, next step, the main actions
// and the parts of the page), and one part at a time below it: Overzicht, Journaal, Krachtplan,
// ZRM, Netwerk, Voorzieningen, Geschiedenis (case-tabs.tsx). The part is in the address (#journaal),
// so a reload and the back button keep it.
import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { EmergencyNotice } from '../emergency/EmergencyNotice';
import { fullName } from '../../app/format';
import { QueryStatus } from '../../app/QueryStatus';
import { usePageTitle } from '../../app/PageTitle';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges } from '../../app/use-unsaved-changes';
import { useCase, type CaseDetail } from './api';
import { CASE_TABS, useCaseTab, type CaseForms, type CaseTabId } from './case-tabs';
import { CASE_ACTIONS, CaseHeader } from './CaseHeader';
import './cases.css';

export function CasePage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  return (
    <QueryStatus query={detail} what="de casus">
      {(c) => <CaseView key={c.id} detail={c} />}
    </QueryStatus>
  );
}

/** The forms the header's actions open. A new action adds its disclosure here. */
function useCaseForms(): CaseForms {
  return {
    journaal: useDisclosure('journaalregel-nieuw', { canClose: confirmDiscardChanges }),
    taak: useDisclosure('taak-nieuw', { canClose: confirmDiscardChanges }),
    document: useDisclosure('document-nieuw', { canClose: confirmDiscardChanges }),
    afspraak: useDisclosure('afspraak-nieuw', { canClose: confirmDiscardChanges }),
  };
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const mainClient = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  const title = mainClient ? `Casus ${fullName(mainClient)}` : 'Casus';
  const { tab, go, takeHeadingFocus } = useCaseTab();
  const forms = useCaseForms();
  const panel = useRef<HTMLDivElement>(null);
  const current = CASE_TABS.find((t) => t.id === tab) ?? CASE_TABS[0];
  usePageTitle(`${current.label} · ${title}`);

  // A form of another part does not stay open out of sight.
  useEffect(() => {
    for (const action of CASE_ACTIONS) if (forms[action.form].open && action.tab !== tab) forms[action.form].hide({ returnFocus: false });
    // After a change of part, its heading gets focus (a screen reader says where one landed).
    if (takeHeadingFocus()) {
      const heading = panel.current?.querySelector<HTMLElement>('h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.classList.add('kt-focus-heading');
        heading.focus();
      }
    }
    // Only a change of part matters here.
  }, [tab]);

  const openAction = (form: keyof CaseForms, target: CaseTabId) => {
    if (!go(target, { focusHeading: false })) return;
    forms[form].show();
  };

  return (
    <div className="kt-case">
      <CaseHeader detail={detail} title={title} tab={tab} forms={forms} onAction={openAction} />
      {detail.access !== 'team' && <EmergencyNotice />}
      <div ref={panel} className="kt-case__panel">
        {current.render({ detail, forms })}
      </div>
    </div>
  );
}
