// Maatwerkvoorzieningen on the case page: the requests of the household with their road, and the
// provisions of an imported history (no decision in Keukentafel) apart.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { QueryStatus } from '../../app/QueryStatus';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { useMaatwerk, type CaseMaatwerk } from './api';
import { ProvisionItem } from './ProvisionItem';
import { RequestCard } from './RequestCard';
import { RequestForm } from './RequestForm';
import './maatwerk.css';

export function MaatwerkSection({ caseId }: { caseId: string }) {
  const maatwerk = useMaatwerk(caseId);
  return (
    <section aria-labelledby="maatwerk-title" className="kt-section">
      <Heading2 id="maatwerk-title">Maatwerkvoorzieningen</Heading2>
      <QueryStatus query={maatwerk} what="de maatwerkvoorzieningen">
        {(m) => <MaatwerkView maatwerk={m} />}
      </QueryStatus>
    </section>
  );
}

function MaatwerkView({ maatwerk }: { maatwerk: CaseMaatwerk }) {
  const edits = useEditedWithin();
  const adding = useDisclosure('aanvraag-nieuw', { canClose: () => !edits.edited || confirmDiscardChanges() });
  const done = () => {
    edits.reset();
    adding.hide();
  };
  // RequestForm closes the same way after saving and after "Annuleren"; a new request in the list says which.
  const [saved, setSaved] = useState(false);
  const count = useRef(maatwerk.requests.length);
  useEffect(() => {
    if (maatwerk.requests.length > count.current) setSaved(true);
    count.current = maatwerk.requests.length;
  }, [maatwerk.requests.length]);
  const imported = maatwerk.provisions.filter((p) => p.decisionId === null);
  return (
    <>
      {maatwerk.requests.length === 0 && imported.length === 0 && (
        <Paragraph>Er is nog geen aanvraag voor een voorziening. Leg een melding vast als iemand in het huishouden hulp vraagt die het netwerk en het team niet kunnen geven.</Paragraph>
      )}
      {maatwerk.requests.map((request) => (
        <RequestCard key={request.id} maatwerk={maatwerk} request={request} />
      ))}
      {imported.length > 0 && (
        <section aria-labelledby="maatwerk-eerder-title">
          <Heading3 id="maatwerk-eerder-title">Eerder geregistreerd (uit de vorige registratie)</Heading3>
          <ul className="kt-maatwerk__provisions">
            {imported.map((p) => (
              <ProvisionItem key={p.id} caseId={maatwerk.caseId} provision={p} mayWrite={false} />
            ))}
          </ul>
        </section>
      )}
      {maatwerk.mayWrite && (
        <>
          <Paragraph role="status">{saved && 'De aanvraag is vastgelegd. U vindt hem hierboven.'}</Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" {...adding.buttonProps} onClick={() => { setSaved(false); adding.toggle(); }}>
              Nieuwe aanvraag…
            </Button>
          </ButtonGroup>
          {adding.open && (
            <div {...adding.panelProps} {...edits.trackProps}>
              <RequestForm maatwerk={maatwerk} onDone={done} />
            </div>
          )}
        </>
      )}
    </>
  );
}
