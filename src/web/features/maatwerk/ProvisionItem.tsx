// One toewijzing: what, by whom, when, how much, its number, what the provider reported, and the
// changes the worker can make (only on the last link of a chain: an extension takes over).
import { useState } from 'react';
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading4, StatusBadge } from '@utrecht/component-library-react';
import { CHANGE_REASON_LABELS, DELIVERY_FORM_LABELS, type ChangeReason } from '../../../server/modules/maatwerk/maatwerk-codes';
import { END_REASONS as DELIVERY_END_REASONS } from '../../../server/modules/maatwerk/iwmo/iwmo-codes';
import { DateText } from '../../app/DateText';
import { codeLabel, useReference } from '../../app/reference';
import type { Provision } from './api';
import { provisionSize } from './labels';
import { EndForm, ExtendForm, VoidForm } from './ProvisionStepForms';

type Step = 'extend' | 'end' | 'void';

function stateOf(p: Provision): { text: string; tone: string } {
  if (p.voided) return { text: 'Vervallen', tone: 'inactive' };
  if (p.extended) return { text: 'Verlengd', tone: 'neutral' };
  if (p.deliveryEndedOn) return { text: 'Levering gestopt', tone: 'inactive' };
  if (p.deliveryStartedOn) return { text: 'Levering loopt', tone: 'safe' };
  if (p.deliveryForm === 'zin') return { text: 'Wacht op start levering', tone: 'warning' };
  return { text: 'Toegewezen', tone: 'neutral' };
}

export function ProvisionItem({ caseId, provision: p, mayWrite }: { caseId: string; provision: Provision; mayWrite: boolean }) {
  const reference = useReference();
  const [step, setStep] = useState<Step | null>(null);
  const state = stateOf(p);
  const headingId = `toewijzing-${p.id}-title`;
  const changeable = mayWrite && !p.voided && !p.extended && p.decisionId !== null;
  const toggle = (next: Step) => setStep((current) => (current === next ? null : next));
  return (
    <li className="kt-maatwerk__provision">
      <article aria-labelledby={headingId}>
        <Heading4 id={headingId}>
          {p.extendsProvisionId ? 'Verlenging: ' : ''}
          {codeLabel(reference.data, 'provision_products', p.product)} <StatusBadge status={state.tone}>{state.text}</StatusBadge>
        </Heading4>
        <DataList className="kt-datalist">
          <DataListItem>
            <DataListKey>Aanbieder</DataListKey>
            <DataListValue>
              {p.provider}
              {p.providerAgb ? ` (AGB ${p.providerAgb})` : ''}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Periode</DataListKey>
            <DataListValue>
              <DateText value={p.startOn} /> tot en met <DateText value={p.endOn} empty="geen einddatum" />
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{p.deliveryForm ? DELIVERY_FORM_LABELS[p.deliveryForm] : 'Omvang'}</DataListKey>
            <DataListValue>{provisionSize(p)}</DataListValue>
          </DataListItem>
          {p.assignmentNumber !== null && (
            <DataListItem>
              <DataListKey>Toewijzingsnummer</DataListKey>
              <DataListValue>{p.assignmentNumber}</DataListValue>
            </DataListItem>
          )}
          {p.deliveryStartedOn && (
            <DataListItem>
              <DataListKey>Levering gestart</DataListKey>
              <DataListValue>
                <DateText value={p.deliveryStartedOn} />
              </DataListValue>
            </DataListItem>
          )}
          {p.deliveryEndedOn && (
            <DataListItem>
              <DataListKey>Levering gestopt</DataListKey>
              <DataListValue>
                <DateText value={p.deliveryEndedOn} />
                {p.deliveryEndReason ? ` (${DELIVERY_END_REASONS[p.deliveryEndReason as keyof typeof DELIVERY_END_REASONS] ?? p.deliveryEndReason})` : ''}
              </DataListValue>
            </DataListItem>
          )}
          {(p.endReason || p.voidReason) && (
            <DataListItem>
              <DataListKey>{p.voided ? 'Reden vervallen' : 'Reden einde'}</DataListKey>
              <DataListValue>{p.voided ? p.voidReason : p.endReason}</DataListValue>
            </DataListItem>
          )}
          {p.changeReason && !p.voided && !p.endReason && (
            <DataListItem>
              <DataListKey>Wijziging</DataListKey>
              <DataListValue>{CHANGE_REASON_LABELS[p.changeReason as ChangeReason]}</DataListValue>
            </DataListItem>
          )}
        </DataList>
        {changeable && (
          <ButtonGroup>
            {p.endOn && !p.endReason && (
              <Button type="button" appearance="secondary-action-button" aria-expanded={step === 'extend'} onClick={() => toggle('extend')}>
                Verlengen
              </Button>
            )}
            <Button type="button" appearance="secondary-action-button" aria-expanded={step === 'end'} onClick={() => toggle('end')}>
              Beëindigen
            </Button>
            {!p.deliveryStartedOn && (
              <Button type="button" appearance="subtle-button" aria-expanded={step === 'void'} onClick={() => toggle('void')}>
                Laten vervallen
              </Button>
            )}
          </ButtonGroup>
        )}
        {step === 'extend' && <ExtendForm caseId={caseId} provision={p} onDone={() => setStep(null)} />}
        {step === 'end' && <EndForm caseId={caseId} provision={p} onDone={() => setStep(null)} />}
        {step === 'void' && <VoidForm caseId={caseId} provision={p} onDone={() => setStep(null)} />}
      </article>
    </li>
  );
}
