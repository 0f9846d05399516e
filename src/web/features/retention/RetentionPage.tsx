// Bewaartermijn en vernietiging: the queue of clients whose retention term has passed or who asked
// for destruction. kwaliteit decides on the facts (teams, dates, number of cases), never on a name.
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { DESTRUCTION_STATUS_LABELS, DESTRUCTION_STATUSES } from '../../../server/modules/retention/retention.schemas';
import { SelectField } from '../../app/fields';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { PAGE_SIZE, useRetentionQueue, type DestructionStatus } from './api';
import { DestructionCard } from './DestructionCard';
import './retention.css';

const STATUS_OPTIONS = DESTRUCTION_STATUSES.map((value) => ({ value, label: DESTRUCTION_STATUS_LABELS[value] }));
const EMPTY: Record<DestructionStatus, string> = {
  te_beoordelen: 'Er is niets te beoordelen. De dagelijkse taak zet hier cliënten van wie de bewaartermijn verstreken is, en verzoeken van cliënten komen hier ook.',
  vernietigd: 'Er zijn nog geen dossiers vernietigd.',
  afgewezen: 'Er zijn geen vernietigingen afgewezen.',
};

export function RetentionPage() {
  const [status, setStatus] = useState<DestructionStatus>('te_beoordelen');
  const [offset, setOffset] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const queue = useRetentionQueue(status, offset);

  function decided(message: string) {
    setAnnouncement(message);
    // The card is gone from the list: focus moves to the message, so keyboard users are not lost.
    setTimeout(() => statusRef.current?.focus());
  }

  return (
    <>
      <PageTitle title="Bewaartermijn en vernietiging" />
      <Paragraph>
        Gegevens van een cliënt worden vernietigd als de bewaartermijn na het afsluiten van de laatste casus verstreken is (standaard 15 jaar, instelbaar per organisatie), of eerder als de cliënt
        daarom vraagt. U beoordeelt op de feiten hieronder; namen en BSN staan er bewust niet bij. Na vernietigen blijven alleen anonieme gegevens over, zodat de
        cijfers van vroeger gelijk blijven.
      </Paragraph>
      <Paragraph ref={statusRef} tabIndex={-1} role="status" className="kt-saved">
        {announcement}
      </Paragraph>
      <div className="kt-toolbar">
        <SelectField
          id="bewaartermijn-status"
          label="Toon"
          value={status}
          onChange={(v) => {
            setStatus(v as DestructionStatus);
            setOffset(0);
            setAnnouncement('');
          }}
          options={STATUS_OPTIONS}
          placeholder={null}
        />
      </div>
      <QueryStatus query={queue} what="de lijst">
        {(page) =>
          page.items.length === 0 ? (
            <Paragraph>{EMPTY[status]}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {page.total === 1 ? '1 dossier' : `${page.total} dossiers`}
                {page.total > PAGE_SIZE && `, ${offset + 1}–${offset + page.items.length} getoond`}
                {status === 'te_beoordelen' && ', wat het eerst moet staat bovenaan'}.
              </Paragraph>
              <ol className="kt-retention__list" aria-label={`${DESTRUCTION_STATUS_LABELS[status]}`}>
                {page.items.map((item) => (
                  <DestructionCard key={item.id} item={item} onDecided={decided} />
                ))}
              </ol>
              {page.total > PAGE_SIZE && (
                <ButtonGroup>
                  <Button type="button" appearance="secondary-action-button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                    Vorige
                  </Button>
                  <Button type="button" appearance="secondary-action-button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                    Volgende
                  </Button>
                </ButtonGroup>
              )}
            </>
          )
        }
      </QueryStatus>
    </>
  );
}
