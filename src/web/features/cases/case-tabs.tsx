// The parts of the case page, one shown at a time, and the address that says which: `#journaal`.
//
// Why links and not the ARIA tab pattern (role=tablist/tab/tabpanel with arrow keys): NL Design
// System has no tabs component (Utrecht offers navigation and link lists), and each part here is a
// place with its own address that survives a reload, works with the back button, can be opened in
// a new browser tab and sent to a colleague. That is what links are for; screen reader users hear
// "navigatie, Onderdelen van de casus", a list of links and which one is current
// (`aria-current`), and move with Tab and Enter as on any page, with no arrow keys to discover.
// After a choice focus goes to the heading of the part that appeared.
//
// A new part is one line in CASE_TABS.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Heading2 } from '@utrecht/component-library-react';
import type { Disclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges } from '../../app/use-unsaved-changes';
import { fullName } from '../../app/format';
import { JournalSection } from '../journal/JournalSection';
import { MaatwerkSection } from '../maatwerk/MaatwerkSection';
import { NetworkSection } from '../network/NetworkSection';
import { CaseTasks } from '../tasks/CaseTasks';
import { DocumentsSection } from '../documents/DocumentsSection';
import { NewLetter } from '../letters/NewLetter';
import { CaseAppointments } from '../agenda/CaseAppointments';
import { ZrmSection } from '../zrm/ZrmSection';
import type { CaseDetail } from './api';
import { CaseEvents } from './CaseEvents';
import { CaseOverview } from './CaseOverview';
import { CasePlan } from './CasePlan';
import { HouseholdSection } from './HouseholdSection';

/** The forms the header's actions open, each in the part where it belongs. */
export interface CaseForms {
  journaal: Disclosure;
  taak: Disclosure;
  document: Disclosure;
  afspraak: Disclosure;
}

export interface CaseTabContext {
  detail: CaseDetail;
  forms: CaseForms;
}

interface CaseTab {
  /** The address of the part, after `#`. */
  id: string;
  label: string;
  render: (context: CaseTabContext) => ReactNode;
}

const householdName = (detail: CaseDetail) => {
  const main = detail.mainClient ?? detail.household.find((m) => m.role === 'hoofdclient') ?? null;
  return main ? fullName(main) : 'de cliënt';
};

export const CASE_TABS = [
  { id: 'overzicht', label: 'Overzicht', render: ({ detail }) => <CaseOverview detail={detail} /> },
  { id: 'journaal', label: 'Journaal', render: ({ detail, forms }) => <JournalSection caseId={detail.id} closed={detail.status === 'closed'} mayWrite={detail.mayWriteJournal} form={forms.journaal} /> },
  { id: 'taken', label: 'Taken', render: ({ detail, forms }) => <CaseTasks caseId={detail.id} mayWrite={detail.mayWrite} form={forms.taak} /> },
  {
    id: 'afspraken',
    label: 'Afspraken',
    render: ({ detail, forms }) => <CaseAppointments caseId={detail.id} teamId={detail.teamId} mayWrite={detail.mayWrite} closed={detail.status === 'closed'} form={forms.afspraak} />,
  },
  { id: 'krachtplan', label: 'Krachtplan', render: ({ detail }) => <CasePlan caseId={detail.id} /> },
  { id: 'zrm', label: 'ZRM', render: ({ detail }) => <ZrmSection detail={detail} mayWrite={detail.mayWrite} /> },
  {
    id: 'netwerk',
    label: 'Netwerk',
    render: ({ detail }) => (
      <>
        <HouseholdSection detail={detail} />
        <NetworkSection caseId={detail.id} household={householdName(detail)} mayWrite={detail.mayWrite} />
      </>
    ),
  },
  { id: 'voorzieningen', label: 'Voorzieningen', render: ({ detail }) => <MaatwerkSection caseId={detail.id} /> },
  {
    id: 'documenten',
    label: 'Documenten',
    render: ({ detail, forms }) => (
      <DocumentsSection target={{ caseId: detail.id }} form={forms.document}>
        {detail.mayWrite && <NewLetter detail={detail} />}
      </DocumentsSection>
    ),
  },
  {
    id: 'geschiedenis',
    label: 'Geschiedenis',
    render: ({ detail }) => (
      <section aria-labelledby="geschiedenis-title" className="kt-section">
        <Heading2 id="geschiedenis-title">Geschiedenis</Heading2>
        <CaseEvents events={detail.events} />
      </section>
    ),
  },
] as const satisfies readonly CaseTab[];

export type CaseTabId = (typeof CASE_TABS)[number]['id'];

const DEFAULT_TAB: CaseTabId = 'overzicht';

/** The part an address names, or null when its `#…` is something else (the skip link's `#main`). */
export function tabFromHash(hash: string): CaseTabId | null {
  if (hash === '' || hash === '#') return DEFAULT_TAB;
  const id = decodeURIComponent(hash.slice(1));
  return CASE_TABS.find((t) => t.id === id)?.id ?? null;
}

export interface CaseTabState {
  /** The part shown now. */
  tab: CaseTabId;
  /**
   * Shows another part (a new history entry, so the back button returns). Asks first when a form
   * holds unsaved text; false when the user stays. `focusHeading: false` when the caller moves
   * focus itself (the header's action into its form).
   */
  go: (tab: CaseTabId, options?: { focusHeading?: boolean }) => boolean;
  /** True once after a change of part that should move focus to its heading; the page reads it. */
  takeHeadingFocus: () => boolean;
}

/**
 * The part follows the address. A link or `go` asks about unsaved text before the address
 * changes; the back and forward buttons change it first, so the question comes after, and
 * "Annuleren" puts the part that holds the text back in the address.
 */
export function useCaseTab(): CaseTabState {
  const location = useLocation();
  const navigate = useNavigate();
  const [shown, setShown] = useState<CaseTabId>(() => tabFromHash(location.hash) ?? DEFAULT_TAB);
  // Another `#…` (a jump within the page) leaves the part as it is.
  const requested = tabFromHash(location.hash) ?? shown;
  const focusHeading = useRef(false);

  useEffect(() => {
    if (requested === shown) return;
    if (confirmDiscardChanges()) {
      focusHeading.current = true;
      setShown(requested);
    } else {
      navigate({ hash: `#${shown}` });
    }
    // Runs when the address changes; `shown` changes only here, so it is read as it is now.
  }, [requested]);

  const skipFocus = useRef(false);
  const go = useCallback(
    (tab: CaseTabId, options: { focusHeading?: boolean } = {}) => {
      if (tab === shown) return true;
      if (!confirmDiscardChanges()) return false;
      skipFocus.current = options.focusHeading === false;
      navigate({ hash: `#${tab}` });
      return true;
    },
    [navigate, shown],
  );

  const takeHeadingFocus = useCallback(() => {
    const take = focusHeading.current && !skipFocus.current;
    focusHeading.current = false;
    skipFocus.current = false;
    return take;
  }, []);

  return { tab: shown, go, takeHeadingFocus };
}
