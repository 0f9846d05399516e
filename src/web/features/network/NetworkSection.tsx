// Netwerk rond het huishouden: the ecogram, the list by group (its text alternative), and adding,
// changing and removing people.
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { NETWORK_GROUPS } from '../../../server/modules/network/network.schemas';
import { QueryStatus } from '../../app/QueryStatus';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { useAddNetworkMember, useNetwork, type NetworkMember } from './api';
import { Ecogram, GROUP_LABELS, GROUP_ORDER } from './Ecogram';
import { NetworkForm } from './NetworkForm';
import { NetworkMemberItem } from './NetworkMemberItem';
import './network.css';

export function NetworkSection({ caseId, household, mayWrite }: { caseId: string; household: string; mayWrite: boolean }) {
  const network = useNetwork(caseId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="netwerk-title" className="kt-section">
      <Heading2 id="netwerk-title" ref={headingRef} tabIndex={-1}>
        Netwerk rond het huishouden
      </Heading2>
      <QueryStatus query={network} what="het netwerk">
        {(members) => (
          <>
            {members.length === 0 ? (
              <Paragraph>Er staat nog niemand in het netwerk. Vraag eerst: wie is er voor u, en wie zou iets kunnen doen?</Paragraph>
            ) : (
              <>
                <Ecogram members={members} household={household} />
                <NetworkList members={members} mayWrite={mayWrite} onRemoved={() => headingRef.current?.focus()} />
              </>
            )}
            <div aria-live="polite" className="kt-visually-hidden">
              {members.length === 1 ? '1 persoon in het netwerk' : `${members.length} personen in het netwerk`}
            </div>
          </>
        )}
      </QueryStatus>
      {mayWrite && <AddNetworkMember caseId={caseId} />}
    </section>
  );
}

function NetworkList({ members, mayWrite, onRemoved }: { members: NetworkMember[]; mayWrite: boolean; onRemoved: () => void }) {
  return (
    <>
      {GROUP_ORDER.map((group) => {
        const inGroup = members.filter((m) => NETWORK_GROUPS[m.kind] === group);
        const id = `netwerk-groep-${group}`;
        return (
          <section key={group} aria-labelledby={id} className="kt-network__group">
            <Heading3 id={id}>
              {GROUP_LABELS[group]} ({inGroup.length})
            </Heading3>
            {inGroup.length === 0 ? (
              <Paragraph className="kt-muted">Niemand.</Paragraph>
            ) : (
              <ul className="kt-network__list">
                {inGroup.map((member) => (
                  <NetworkMemberItem key={member.id} member={member} mayWrite={mayWrite} onRemoved={onRemoved} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function AddNetworkMember({ caseId }: { caseId: string }) {
  const add = useAddNetworkMember(caseId);
  const edits = useEditedWithin();
  const form = useDisclosure('netwerk-toevoegen', { canClose: () => !edits.edited || confirmDiscardChanges() });
  const [added, setAdded] = useState<string | null>(null);
  const close = () => {
    edits.reset();
    form.hide();
  };
  return (
    <>
      {/* Always in the page, so that the confirmation is read out when it appears. */}
      <Paragraph role="status" className="kt-network__added">
        {added && `${added} staat in het netwerk.`}
      </Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" {...form.buttonProps} onClick={() => { setAdded(null); form.toggle(); }}>
          Iemand toevoegen aan het netwerk
        </Button>
      </ButtonGroup>
      {form.open && (
        <div {...form.panelProps} {...edits.trackProps} className="kt-subsection">
          <Heading3 id="netwerk-toevoegen-title">Iemand toevoegen aan het netwerk</Heading3>
          <Paragraph>Vraag eerst naar familie, vrienden en buren; daarna naar vrijwilligers en professionals.</Paragraph>
          <NetworkForm
            formId="netwerk-nieuw"
            label="Iemand toevoegen aan het netwerk"
            submitLabel="Toevoegen aan netwerk"
            onSubmit={async (fields) => {
              const member = await add.mutateAsync(fields);
              setAdded(member.name);
              close();
            }}
            onCancel={close}
          />
        </div>
      )}
    </>
  );
}
