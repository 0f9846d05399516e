// Huishouden: the people this case is about, and adding one (a form that opens on demand).
import { useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { AddHouseholdMember } from './AddHouseholdMember';
import type { CaseDetail } from './api';
import { HouseholdTable } from './HouseholdTable';

export function HouseholdSection({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="huishouden-title" className="kt-section">
      <Heading2 id="huishouden-title">Huishouden</Heading2>
      <HouseholdTable household={detail.household} />
      {detail.mayWrite && detail.status !== 'closed' && <HouseholdAdd detail={detail} />}
    </section>
  );
}

function HouseholdAdd({ detail }: { detail: CaseDetail }) {
  const edits = useEditedWithin();
  const add = useDisclosure('huishoudlid-toevoegen', { canClose: () => !edits.edited || confirmDiscardChanges() });
  const [added, setAdded] = useState<string | null>(null);
  const close = (name?: string) => {
    edits.reset();
    setAdded(name ? `${name} is toegevoegd aan het huishouden.` : null);
    add.hide();
  };
  return (
    <>
      <Paragraph role="status">{added}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" {...add.buttonProps} onClick={() => { setAdded(null); add.toggle(); }}>
          Huishoudlid toevoegen…
        </Button>
      </ButtonGroup>
      {add.open && (
        <div {...add.panelProps} {...edits.trackProps}>
          <AddHouseholdMember detail={detail} onDone={close} />
        </div>
      )}
    </>
  );
}
