// Mijn dag: my open tasks on top (features/tasks, their own list: done with one click), then what is
// due on my own cases, in blocks I put in my own order and can hide.
// Arranging is by buttons and checkboxes (no dragging); every change is saved for this user.
import { useEffect, useState } from 'react';
import { Alert, Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { DASHBOARD_BLOCK_LABELS, DASHBOARD_BLOCKS } from '../../../server/modules/worklists/worklists.schemas';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { MyTasks } from '../tasks/MyTasks';
import { useDashboard, useSaveLayout, type Dashboard, type DashboardBlock, type DashboardItem, type DashboardLayout } from './api';
import './dashboard.css';

const DEFAULT_LAYOUT: DashboardLayout = { order: [...DASHBOARD_BLOCKS], hidden: [] };

function sameLayout(a: DashboardLayout, b: DashboardLayout): boolean {
  return a.order.join() === b.order.join() && a.hidden.join() === b.hidden.join();
}

export function DashboardPage() {
  const dashboard = useDashboard();
  return (
    <>
      <PageTitle title="Mijn dag" />
      <Paragraph>
        Wat er vandaag en de komende twee weken speelt in uw eigen casussen. Zet de blokken in uw eigen volgorde of verberg ze; dat wordt voor u onthouden. Al uw casussen staan
        op <RouterLink to="/mijn-werk">Mijn werk</RouterLink>.
      </Paragraph>
      <MyTasks />
      <QueryStatus query={dashboard} what="uw dag">
        {(d) => <DashboardView dashboard={d} />}
      </QueryStatus>
    </>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const save = useSaveLayout();
  const { layout } = dashboard;
  const [focusTarget, setFocusTarget] = useState<{ id: string; layout: DashboardLayout } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const visible = layout.order.filter((b) => !layout.hidden.includes(b));
  const hidden = layout.order.filter((b) => layout.hidden.includes(b));

  // Re-ordering moves the block's DOM nodes, which drops focus: once the new layout is on the page,
  // put focus back on the control used (or its twin in the hidden list).
  useEffect(() => {
    if (!focusTarget || !sameLayout(focusTarget.layout, layout)) return;
    document.getElementById(focusTarget.id)?.focus();
    setFocusTarget(null);
  }, [focusTarget, layout]);

  function change(next: DashboardLayout, message: string, focus: string | null) {
    save.mutate(next);
    setAnnouncement(message);
    setFocusTarget(focus ? { id: focus, layout: next } : null);
  }

  function move(block: DashboardBlock, direction: -1 | 1) {
    const index = visible.indexOf(block);
    const other = visible[index + direction];
    const label = DASHBOARD_BLOCK_LABELS[block];
    if (!other) {
      setAnnouncement(`${label} staat al ${direction < 0 ? 'bovenaan' : 'onderaan'}.`);
      return;
    }
    const order = [...layout.order];
    const a = order.indexOf(block);
    const b = order.indexOf(other);
    [order[a], order[b]] = [order[b]!, order[a]!];
    change({ ...layout, order }, `${label} staat nu op plaats ${index + direction + 1} van ${visible.length}.`, `blok-${block}-${direction < 0 ? 'omhoog' : 'omlaag'}`);
  }

  function setHidden(block: DashboardBlock, hide: boolean) {
    const label = DASHBOARD_BLOCK_LABELS[block];
    const next = hide ? [...layout.hidden, block] : layout.hidden.filter((b) => b !== block);
    change({ ...layout, hidden: next }, hide ? `${label} is verborgen; u vindt het onderaan de pagina.` : `${label} wordt weer getoond.`, `blok-${block}-verbergen`);
  }

  function reset() {
    change(DEFAULT_LAYOUT, 'De standaardindeling is hersteld.', null);
  }

  const isDefault = layout.hidden.length === 0 && layout.order.every((b, i) => b === DASHBOARD_BLOCKS[i]);

  return (
    <>
      <div role="status" className="kt-visually-hidden">
        {announcement}
      </div>
      {save.isError && (
        <Alert type="error" role="alert">
          <Paragraph>De indeling is niet opgeslagen: {save.error.message}</Paragraph>
        </Alert>
      )}
      {visible.length === 0 && <Paragraph>Alle blokken zijn verborgen. Zet ze hieronder weer aan.</Paragraph>}
      {visible.map((block, index) => (
        <DashboardSection
          key={block}
          block={block}
          items={dashboard.blocks[block] ?? []}
          first={index === 0}
          last={index === visible.length - 1}
          onMove={(direction) => move(block, direction)}
          onHide={() => setHidden(block, true)}
        />
      ))}
      <section aria-labelledby="indeling-title" className="kt-section kt-dashboard__arrange">
        <Heading2 id="indeling-title">Indeling</Heading2>
        {hidden.length > 0 ? (
          <>
            <Paragraph>Verborgen blokken. Haal het vinkje weg om een blok weer te tonen.</Paragraph>
            <ul className="kt-dashboard__hidden" aria-label="Verborgen blokken">
              {hidden.map((block) => (
                <li key={block}>
                  <HideCheckbox block={block} checked onChange={() => setHidden(block, false)} withName />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>Er zijn geen verborgen blokken.</Paragraph>
        )}
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={reset} aria-disabled={isDefault || undefined}>
            Herstel de standaardindeling
          </Button>
        </ButtonGroup>
      </section>
    </>
  );
}

function HideCheckbox({ block, checked, onChange, withName = false }: { block: DashboardBlock; checked: boolean; onChange: () => void; withName?: boolean }) {
  const id = `blok-${block}-verbergen`;
  const label = DASHBOARD_BLOCK_LABELS[block];
  return (
    <FormField
      type="checkbox"
      className="kt-choice"
      input={<Checkbox id={id} appearance="custom" checked={checked} onChange={onChange} aria-label={`Verbergen: ${label}`} />}
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          Verbergen
          {withName && `: ${label}`}
        </FormLabel>
      }
    />
  );
}

function DashboardSection({
  block,
  items,
  first,
  last,
  onMove,
  onHide,
}: {
  block: DashboardBlock;
  items: DashboardItem[];
  first: boolean;
  last: boolean;
  onMove: (direction: -1 | 1) => void;
  onHide: () => void;
}) {
  const label = DASHBOARD_BLOCK_LABELS[block];
  const titleId = `blok-${block}-title`;
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section aria-labelledby={titleId} className="kt-section kt-dashboard__block">
      <div className="kt-dashboard__head">
        <Heading2 id={titleId} className="kt-dashboard__title">
          {label} <span className="kt-dashboard__count">({items.length})</span>
        </Heading2>
        <div className="kt-dashboard__controls">
          {/* aria-disabled, not disabled: the button keeps focus when the block reaches the top or bottom. */}
          <Button id={`blok-${block}-omhoog`} type="button" appearance="subtle-button" aria-disabled={first || undefined} aria-label={`Omhoog: ${label}`} onClick={() => onMove(-1)}>
            Omhoog
          </Button>
          <Button id={`blok-${block}-omlaag`} type="button" appearance="subtle-button" aria-disabled={last || undefined} aria-label={`Omlaag: ${label}`} onClick={() => onMove(1)}>
            Omlaag
          </Button>
          <HideCheckbox block={block} checked={false} onChange={onHide} />
        </div>
      </div>
      {items.length === 0 ? (
        <Paragraph className="kt-muted">Niets te doen.</Paragraph>
      ) : (
        <>
          {overdue > 0 && <Paragraph className="kt-dashboard__overdue-count">{overdue === 1 ? '1 is te laat.' : `${overdue} zijn te laat.`}</Paragraph>}
          <ul className="kt-dashboard__items">
            {items.map((item, index) => (
              <li key={`${item.caseId}-${index}`} className={item.overdue ? 'kt-dashboard__item kt-dashboard__item--overdue' : 'kt-dashboard__item'}>
                <RouterLink to={`/casussen/${item.caseId}`}>{item.clientName}</RouterLink>
                <span className="kt-dashboard__text">{item.text}</span>
                {item.on && (
                  <span className="kt-dashboard__date">
                    <DateText value={item.on} />
                  </span>
                )}
                {item.overdue && <strong className="kt-dashboard__late">te laat</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
