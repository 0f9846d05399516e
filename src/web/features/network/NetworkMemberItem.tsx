// One person in the network: shown, changed in place, or removed after a confirmation step.
import { Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading4, Paragraph } from '@utrecht/component-library-react';
import { CLOSENESS_LABELS, NETWORK_KIND_LABELS } from '../../../server/modules/network/network.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { useReloadNetwork, useRemoveNetworkMember, useUpdateNetworkMember, type NetworkMember } from './api';
import { NetworkForm } from './NetworkForm';

export function closenessLabel(closeness: number): string {
  return CLOSENESS_LABELS[closeness as 1 | 2 | 3] ?? String(closeness);
}

export function NetworkMemberItem({ member, mayWrite, onRemoved }: { member: NetworkMember; mayWrite: boolean; onRemoved: () => void }) {
  const update = useUpdateNetworkMember(member.caseId, member.id);
  const reload = useReloadNetwork(member.caseId);
  const headingId = `netwerk-${member.id}-title`;
  // "Wijzigen" opens the form with focus in it; saving or "Annuleren" puts focus back on the button.
  const edits = useEditedWithin();
  const edit = useDisclosure(`netwerk-${member.id}-wijzigen`, { canClose: () => !edits.edited || confirmDiscardChanges() });
  const remove = useDisclosure(`netwerk-${member.id}-verwijderen`);
  const stopEditing = () => {
    edits.reset();
    edit.hide();
  };

  return (
    <li className="kt-network__item">
      <article aria-labelledby={headingId}>
        <Heading4 id={headingId} className="kt-network__name">
          {member.name}
          {member.relation && <span className="kt-network__relation"> — {member.relation}</span>}
        </Heading4>
        {edit.open ? (
          <div {...edit.panelProps} {...edits.trackProps}>
            <NetworkForm
              formId={`netwerk-${member.id}`}
              label={`Bewerken: ${member.name}`}
              submitLabel="Wijziging opslaan"
              initial={member}
              onSubmit={async (fields) => {
                await update.mutateAsync({ ...fields, version: member.version });
                stopEditing();
              }}
              onCancel={stopEditing}
              onReload={() => void reload()}
            />
          </div>
        ) : (
          <>
            <DataList className="kt-datalist kt-network__facts">
              <DataListItem>
                <DataListKey>Wie</DataListKey>
                <DataListValue>{NETWORK_KIND_LABELS[member.kind]}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Hoe dichtbij</DataListKey>
                <DataListValue>
                  {member.closeness} – {closenessLabel(member.closeness)}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Doet nu</DataListKey>
                <DataListValue multiline>
                  <span className="kt-pre-line">{member.doesNow || '–'}</span>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Zou kunnen doen</DataListKey>
                <DataListValue multiline>
                  <span className="kt-pre-line">{member.couldDo || '–'}</span>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Contact</DataListKey>
                <DataListValue>
                  {member.phone || member.email ? (
                    <>
                      {member.phone && (
                        <a className="utrecht-link utrecht-link--html-a" href={`tel:${member.phone.replace(/[^+\d]/g, '')}`}>
                          {member.phone}
                        </a>
                      )}
                      {member.phone && member.email && ' · '}
                      {member.email && (
                        <a className="utrecht-link utrecht-link--html-a" href={`mailto:${member.email}`}>
                          {member.email}
                        </a>
                      )}
                    </>
                  ) : (
                    '–'
                  )}
                </DataListValue>
              </DataListItem>
            </DataList>
            {mayWrite && (
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" {...edit.buttonProps} onClick={() => { remove.hide({ returnFocus: false }); edit.toggle(); }} aria-label={`Wijzigen: ${member.name}`}>
                  Wijzigen
                </Button>
                <Button type="button" appearance="subtle-button" {...remove.buttonProps} aria-label={`Verwijderen: ${member.name}`}>
                  Verwijderen
                </Button>
              </ButtonGroup>
            )}
            {mayWrite && remove.open && (
              <div {...remove.panelProps}>
                <ConfirmRemove member={member} onCancel={() => remove.hide()} onRemoved={onRemoved} />
              </div>
            )}
          </>
        )}
      </article>
    </li>
  );
}

/** The confirmation step: says who goes, then "Ja, verwijderen" or back. A stale version gets the 409 summary. */
function ConfirmRemove({ member, onCancel, onRemoved }: { member: NetworkMember; onCancel: () => void; onRemoved: () => void }) {
  const remove = useRemoveNetworkMember(member.caseId, member.id);
  const reload = useReloadNetwork(member.caseId);
  const form = useFormErrors(`netwerk-verwijderen-${member.id}`);
  const { submit, busy } = useFormSubmit(form, { values: member.version, send: (version) => remove.mutateAsync(version), onSuccess: onRemoved });

  return (
    <div tabIndex={-1} data-autofocus className="kt-panel" role="group" aria-labelledby={`netwerk-verwijderen-${member.id}-vraag`}>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <Alert type="warning">
        <Paragraph id={`netwerk-verwijderen-${member.id}-vraag`}>
          Weet u zeker dat u {member.name} uit het netwerk wilt verwijderen?
        </Paragraph>
      </Alert>
      <FormActions submitLabel="Ja, verwijderen" busy={busy} busyText="Bezig met verwijderen…" onSubmit={submit} onCancel={onCancel} />
    </div>
  );
}
