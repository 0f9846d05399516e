// One dossier in the queue: its facts, whose turn it is (four eyes), and the steps open to the
// person looking, each behind a step of its own: proposing the destruction, confirming it (cannot
// be undone; never by the one who proposed it) and keeping longer (with the reason).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { declineDestructionBody, DESTRUCTION_REASON_LABELS, DESTRUCTION_STATUS_LABELS, type DestructionTurn } from '../../../server/modules/retention/retention.schemas';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import { useDecideDestruction, type DestructionItem } from './api';

/** A short, stable reference to the queue row (not to the client), to talk about it. */
export function reference(item: DestructionItem): string {
  return item.id.slice(0, 8).toUpperCase();
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Whose turn it is, in words, for the person looking. */
const TURN_TEXT: Record<Exclude<DestructionTurn, 'decided'>, string> = {
  propose: 'Een medewerker kwaliteit stelt de vernietiging voor of wijst haar af. Daarna bevestigt een andere medewerker kwaliteit haar.',
  confirm: 'U bent aan de beurt: bevestig de vernietiging, of wijs haar af.',
  wait: 'U heeft deze vernietiging voorgesteld of het verzoek vastgelegd. Een andere medewerker kwaliteit moet haar bevestigen (vier ogen). U kunt haar wel afwijzen.',
};

export function DestructionCard({ item, onDecided }: { item: DestructionItem; onDecided: (message: string) => void }) {
  const [mode, setMode] = useState<'view' | 'propose' | 'confirm' | 'decline'>('view');
  const headingId = `vernietiging-${item.id}-title`;
  const turnId = `vernietiging-${item.id}-beurt`;
  const turn = item.turn;
  const pending = turn !== 'decided';
  // A proposed row stays in the list (now for someone else to confirm): back to its facts.
  const done = (message: string) => {
    setMode('view');
    onDecided(message);
  };
  return (
    <li className="kt-panel kt-retention__item">
      <article aria-labelledby={headingId}>
        <Heading2 id={headingId} className="kt-retention__title">
          Dossier {reference(item)} — {DESTRUCTION_REASON_LABELS[item.reason]}
        </Heading2>
        <DataList className="kt-datalist">
          <Fact label={item.reason === 'verzoek' ? 'Verzoek ontvangen' : 'Op de lijst sinds'}>
            <DateText value={item.requestedOn} />
          </Fact>
          {pending && (
            <Fact label="Uiterlijk afhandelen">
              <DateText value={item.dueOn} />
            </Fact>
          )}
          <Fact label="Teams">{item.teams.length ? item.teams.join(', ') : 'Geen casus'}</Fact>
          <Fact label="Aantal casussen">{item.caseCount}</Fact>
          <Fact label="Laatste casus afgesloten">
            <DateText value={item.lastClosedOn} empty="Nooit" />
          </Fact>
          <Fact label="Andere personen in deze casussen">{item.otherPersons}</Fact>
          {item.requestNote && <Fact label="Toelichting bij het verzoek">{item.requestNote}</Fact>}
          <Fact label="Stand">{DESTRUCTION_STATUS_LABELS[item.status]}</Fact>
          {item.proposedByName && (
            <Fact label={item.reason === 'verzoek' ? 'Vastgelegd en voorgesteld door' : 'Voorgesteld door'}>
              {turn === 'wait' ? `U (${item.proposedByName})` : item.proposedByName}, <DateText value={item.proposedAt} withTime />
              {item.proposalNote ? `: ${item.proposalNote}` : ''}
            </Fact>
          )}
          {!pending && (
            <Fact label="Besluit">
              {item.decidedByName ?? 'Onbekend'}, <DateText value={item.decidedAt} withTime />
              {item.decisionNote ? `: ${item.decisionNote}` : ''}
            </Fact>
          )}
        </DataList>
        {turn !== 'decided' && (
          <Paragraph id={turnId} className="kt-retention__turn">
            <strong>Aan de beurt: </strong>
            {TURN_TEXT[turn]}
          </Paragraph>
        )}
        {pending && item.blockedBy && (
          <Alert type="warning">
            <Paragraph>{item.blockedBy}</Paragraph>
          </Alert>
        )}
        {pending && mode === 'view' && (
          <ButtonGroup>
            {turn === 'propose' && !item.blockedBy && (
              <Button type="button" appearance="primary-action-button" onClick={() => setMode('propose')}>
                Vernietiging voorstellen…
              </Button>
            )}
            {turn === 'confirm' && !item.blockedBy && (
              <Button type="button" appearance="primary-action-button" onClick={() => setMode('confirm')}>
                Vernietigen…
              </Button>
            )}
            {turn === 'wait' && (
              // Disabled for the proposer; the turn paragraph above says why (read with the button).
              <Button type="button" appearance="primary-action-button" disabled aria-describedby={turnId}>
                Vernietigen…
              </Button>
            )}
            <Button type="button" appearance="secondary-action-button" onClick={() => setMode('decline')}>
              Langer bewaren…
            </Button>
          </ButtonGroup>
        )}
        {pending && mode === 'propose' && <ProposeDestruction item={item} onCancel={() => setMode('view')} onDone={done} />}
        {pending && mode === 'confirm' && <ConfirmDestruction item={item} onCancel={() => setMode('view')} onDone={done} />}
        {pending && mode === 'decline' && <DeclineDestruction item={item} onCancel={() => setMode('view')} onDone={done} />}
      </article>
    </li>
  );
}

interface StepProps {
  item: DestructionItem;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** The proposal: nothing is removed yet; it says that another person confirms. */
function ProposeDestruction({ item, onCancel, onDone }: StepProps) {
  const propose = useDecideDestruction(item.id, 'propose');
  const form = useFormErrors(`voorstellen-${item.id}`);
  const [note, setNote] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector('textarea')?.focus(), []);

  const { submit, busy } = useFormSubmit(form, {
    values: { version: item.version, note },
    send: (body) => propose.mutateAsync(body),
    onSuccess: () => onDone(`De vernietiging van dossier ${reference(item)} is voorgesteld. Een andere medewerker kwaliteit moet haar bevestigen.`),
  });

  return (
    <form ref={ref} noValidate onSubmit={submit} className="kt-form kt-panel" aria-label={`Vernietiging voorstellen: dossier ${reference(item)}`}>
      <ErrorSummary form={form} />
      <Paragraph>
        Er wordt nog niets gewist. Een andere medewerker kwaliteit bevestigt de vernietiging; pas dan worden de gegevens vernietigd.
      </Paragraph>
      <TextareaField id={form.idFor('note')} label="Toelichting bij het voorstel" optional value={note} onChange={setNote} rows={2} error={form.errorFor('note')} />
      <FormActions submitLabel="Voorstellen" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The confirmation step: says what goes and that it cannot be undone. */
function ConfirmDestruction({ item, onCancel, onDone }: StepProps) {
  const confirm = useDecideDestruction(item.id, 'confirm');
  const form = useFormErrors(`vernietigen-${item.id}`);
  const [note, setNote] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const { submit, busy } = useFormSubmit(form, {
    values: { version: item.version, note },
    send: (body) => confirm.mutateAsync(body),
    onSuccess: () => onDone(`Dossier ${reference(item)} is vernietigd.`),
  });

  const cases = item.caseCount === 1 ? '1 casus' : `${item.caseCount} casussen`;
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby={`vernietigen-${item.id}-vraag`} className="kt-panel">
      <ErrorSummary form={form} />
      <Alert type="warning">
        <Paragraph id={`vernietigen-${item.id}-vraag`}>
          <strong>Weet u zeker dat u dossier {reference(item)} wilt vernietigen? Dit kan niet ongedaan worden gemaakt.</strong>
        </Paragraph>
        <Paragraph>
          De persoonsgegevens van de cliënt (naam, BSN, geboortedatum, adres, telefoon) worden gewist, en van {cases} het contactjournaal, het krachtplan, het
          netwerk, de vraag en de toestemmingen
          {item.otherPersons > 0 ? `, ook voor ${item.otherPersons === 1 ? 'de andere persoon' : `de ${item.otherPersons} andere personen`} in die casussen` : ''}. Alleen
          anonieme gegevens voor de cijfers blijven.
        </Paragraph>
      </Alert>
      <TextareaField id={form.idFor('note')} label="Toelichting bij het besluit" optional value={note} onChange={setNote} rows={2} error={form.errorFor('note')} />
      <FormActions submitLabel="Ja, definitief vernietigen" busy={busy} busyText="Bezig met vernietigen…" onSubmit={submit} onCancel={onCancel} />
    </div>
  );
}

/** Keeping the data longer needs the reason, e.g. of significant interest to someone else. */
function DeclineDestruction({ item, onCancel, onDone }: StepProps) {
  const decline = useDecideDestruction(item.id, 'decline');
  const form = useFormErrors(`afwijzen-${item.id}`);
  const [note, setNote] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector('textarea')?.focus(), []);

  const { submit, busy } = useFormSubmit(form, {
    values: { version: item.version, note },
    schema: declineDestructionBody,
    send: (body) => decline.mutateAsync(body),
    onSuccess: () => onDone(`Dossier ${reference(item)} wordt langer bewaard.`),
  });

  return (
    <form ref={ref} noValidate onSubmit={submit} className="kt-form kt-panel" aria-label={`Langer bewaren: dossier ${reference(item)}`}>
      <ErrorSummary form={form} />
      <TextareaField
        id={form.idFor('note')}
        label="Waarom langer bewaren?"
        description={`Bijvoorbeeld: van aanzienlijk belang voor een ander, of een lopende procedure.${item.reason === 'bewaartermijn' ? ' De lijst vraagt over een jaar opnieuw.' : ''}`}
        value={note}
        onChange={setNote}
        rows={3}
        error={form.errorFor('note')}
        required
      />
      <FormActions submitLabel="Afwijzen en langer bewaren" busy={busy} onCancel={onCancel} />
    </form>
  );
}
