// Who a registration or household member is: a new person (with the check for an earlier
// registration), a client of the own team found by that check, or a client known elsewhere in the
// organisation, attached (koppelen) by BSN or last name and birth date with a reason. Used by the
// registration form and the household form; the parent owns the state and sends `choiceBody`.
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { ATTACH_REASON_MIN, type ClientAttach, type IdentifiedBy } from '../../../server/modules/attachments/attachments.schemas';
import { RadioGroupField, TextareaField, TextField } from '../../app/fields';
import type { FieldError } from '../../app/api';
import type { FormErrors } from '../../app/form-errors';
import { formatDate, fullName, today } from '../../app/format';
import { useDuplicateCheck, type DuplicateMatch } from './api';
import { toClientFields, type ClientFormValues } from './client-form';
import { ClientFieldsInputs } from './ClientFieldsInputs';
import { duplicateCoverageText, DuplicateMatches, type DuplicateCoverage } from './DuplicateMatches';
import { duplicateCheckCovers, duplicateProbe } from '../../../server/modules/clients/identity-rules';

const IDENTIFY_OPTIONS: { value: IdentifiedBy; label: string }[] = [
  { value: 'bsn', label: 'Met het BSN' },
  { value: 'name_birth_date', label: 'Met de achternaam en de geboortedatum' },
];

export interface AttachFormValues {
  identifiedBy: IdentifiedBy;
  bsn: string;
  lastName: string;
  birthDate: string;
  reason: string;
}

export type ClientChoiceState =
  | { kind: 'new'; client: ClientFormValues }
  /** A client of the own team, used as they are. */
  | { kind: 'existing'; match: Extract<DuplicateMatch, { kind: 'known' }>; client: ClientFormValues }
  /** A person the team does not hold: attached with exact identification and a reason. */
  | { kind: 'attach'; match: DuplicateMatch; attach: AttachFormValues; client: ClientFormValues };

export const newClientChoice = (client: ClientFormValues): ClientChoiceState => ({ kind: 'new', client });

/** The part of the request body that names the client. */
export function choiceBody(state: ClientChoiceState): { clientId: string } | { client: ReturnType<typeof toClientFields> } | { attach: ClientAttach } {
  if (state.kind === 'existing') return { clientId: state.match.id };
  if (state.kind === 'new') return { client: toClientFields(state.client) };
  const { identifiedBy, bsn, lastName, birthDate, reason } = state.attach;
  return { attach: identifiedBy === 'bsn' ? { bsn, reason } : { lastName, birthDate, reason } };
}

/** What the form checks before the schema: a BSN chosen as identification must be filled in. */
export function choiceProblems(state: ClientChoiceState): FieldError[] {
  if (state.kind === 'attach' && state.attach.identifiedBy === 'bsn' && !state.attach.bsn.trim()) return [{ path: 'attach.bsn', message: 'Vul het BSN in' }];
  return [];
}

interface Props {
  form: FormErrors;
  value: ClientChoiceState;
  onChange: (value: ClientChoiceState) => void;
  /** Prefix of the ids this part makes, so two forms on one page do not clash. */
  idPrefix: string;
  /** The level of the "Dubbele inschrijving" heading where the form sits (default 2). */
  headingLevel?: 2 | 3;
}

export function ClientChoice({ form, value, onChange, idPrefix, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const duplicateCheck = useDuplicateCheck();
  const lastChecked = useRef('');
  /** What the last check could compare, for the words of "nothing found" (or of "nothing to check"). */
  const [coverage, setCoverage] = useState<DuplicateCoverage | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const client = value.client;

  function runDuplicateCheck(force: boolean) {
    const body = {
      firstName: client.firstName.trim(),
      lastName: client.lastName.trim(),
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(client.birthDate) ? client.birthDate : null,
      postcode: client.postcode.trim() || null,
      bsn: client.bsn.trim() || null,
    };
    // The server's rule: what it can compare (a valid BSN; a name with a birth date or postcode).
    const covers = duplicateCheckCovers(duplicateProbe(body));
    if (!covers.bsn && !covers.name) {
      if (force) {
        duplicateCheck.reset();
        lastChecked.current = '';
        setCoverage({ covers, bsnTyped: !!body.bsn });
      }
      return;
    }
    const key = JSON.stringify(body);
    if (!force && key === lastChecked.current) return;
    lastChecked.current = key;
    setCoverage({ covers, bsnTyped: !!body.bsn });
    duplicateCheck.mutate(body);
  }

  const focusPanel = () => setTimeout(() => panel.current?.focus(), 0);

  function use(match: Extract<DuplicateMatch, { kind: 'known' }>) {
    onChange({ kind: 'existing', match, client });
    focusPanel();
  }

  function attach(match: DuplicateMatch) {
    const bsn = client.bsn.trim();
    onChange({
      kind: 'attach',
      match,
      client,
      attach: { identifiedBy: bsn ? 'bsn' : 'name_birth_date', bsn, lastName: match.lastName, birthDate: client.birthDate, reason: '' },
    });
    form.clear();
    focusPanel();
  }

  function undo() {
    onChange({ kind: 'new', client });
    form.clear();
    setTimeout(() => document.getElementById(form.idFor('client.firstName'))?.focus(), 0);
  }

  if (value.kind === 'existing') {
    const chosen = value.match;
    return (
      <Panel
        panel={panel}
        onUndo={undo}
        message={
          <>
            U kiest de bestaande cliënt <strong>{fullName(chosen)}</strong>
            {chosen.birthDate ? `, geboren ${formatDate(chosen.birthDate)}` : ''}
            {chosen.postcode ? `, postcode ${chosen.postcode}` : ''}.
          </>
        }
      />
    );
  }

  if (value.kind === 'attach') {
    const a = value.attach;
    const set = (change: Partial<AttachFormValues>) => onChange({ ...value, attach: { ...a, ...change } });
    const who = value.match.kind === 'known' ? fullName(value.match) : `${value.match.initials} ${value.match.lastName}`;
    return (
      <Panel
        panel={panel}
        onUndo={undo}
        message={
          <>
            U koppelt <strong>{who}</strong> aan uw team. Doe dat alleen als u zeker weet dat het dezelfde persoon is en uw team deze persoon helpt. Uw team ziet daarna naam,
            adres en telefoonnummer, niet het dossier van het andere team. Kwaliteit beoordeelt elke koppeling. Pas daarna kunt u de persoonsgegevens wijzigen.
          </>
        }
      >
        <div className="kt-client-fields">
          <RadioGroupField
            id={form.idFor('attach.identifiedBy')}
            label="Hoe weet u dat het dezelfde persoon is?"
            options={IDENTIFY_OPTIONS}
            value={a.identifiedBy}
            onChange={(v) => set({ identifiedBy: v as IdentifiedBy })}
            required
          />
          {a.identifiedBy === 'bsn' ? (
            <TextField id={form.idFor('attach.bsn')} label="BSN" value={a.bsn} onChange={(v) => set({ bsn: v })} error={form.errorFor('attach.bsn')} inputMode="numeric" size="s" autoComplete="off" required />
          ) : (
            <div className="kt-row">
              <TextField id={form.idFor('attach.lastName')} label="Achternaam" value={a.lastName} onChange={(v) => set({ lastName: v })} error={form.errorFor('attach.lastName')} autoComplete="off" required />
              <TextField id={form.idFor('attach.birthDate')} label="Geboortedatum" type="date" value={a.birthDate} onChange={(v) => set({ birthDate: v })} error={form.errorFor('attach.birthDate')} max={today()} size="s" required />
            </div>
          )}
          <TextareaField
            id={form.idFor('attach.reason')}
            label="Waarom koppelt u deze persoon aan uw team?"
            description={`Minstens ${ATTACH_REASON_MIN} tekens. Kwaliteit leest de reden.`}
            value={a.reason}
            onChange={(v) => set({ reason: v })}
            rows={3}
            error={form.errorFor('attach.reason')}
            required
          />
        </div>
      </Panel>
    );
  }

  return (
    <>
      <ClientFieldsInputs form={form} prefix="client" value={client} onChange={(c) => onChange({ kind: 'new', client: c })} onIdentityBlur={() => runDuplicateCheck(false)} />
      <section aria-labelledby={`${idPrefix}-dubbel-title`} className="kt-duplicates">
        <Heading id={`${idPrefix}-dubbel-title`} className="kt-subheading">
          Dubbele inschrijving
        </Heading>
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" onClick={() => runDuplicateCheck(true)} busy={duplicateCheck.isPending}>
            Controleer op dubbele inschrijving
          </Button>
        </ButtonGroup>
        <div aria-live="polite">
          {duplicateCheck.isPending && <Paragraph>Bezig met zoeken naar bestaande cliënten…</Paragraph>}
          {duplicateCheck.isError && <Paragraph>De controle op dubbele inschrijving lukte niet: {duplicateCheck.error.message}</Paragraph>}
          {coverage && !coverage.covers.bsn && !coverage.covers.name && <Paragraph>{duplicateCoverageText(coverage)}</Paragraph>}
          {duplicateCheck.data && !duplicateCheck.isPending && coverage && <DuplicateMatches matches={duplicateCheck.data} coverage={coverage} onUse={use} onAttach={attach} />}
        </div>
      </section>
    </>
  );
}

/** The choice made (an existing client, or an attach with its fields), with the way back to a new client. */
function Panel({ panel, onUndo, message, children }: { panel: RefObject<HTMLDivElement | null>; onUndo: () => void; message: ReactNode; children?: ReactNode }) {
  return (
    <div ref={panel} tabIndex={-1} className="kt-chosen">
      <Alert type="info">
        <Paragraph>{message}</Paragraph>
      </Alert>
      {children}
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={onUndo}>
          Toch een nieuwe cliënt invoeren
        </Button>
      </ButtonGroup>
    </div>
  );
}
