// Bewaartermijn en vernietiging: the queue of clients whose retention term has passed or who asked
// for destruction. kwaliteit decides on the facts (teams, dates, number of cases), never on a name,
// and with four eyes: one person proposes, another confirms.
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { RETENTION_VIEW_LABELS, RETENTION_VIEWS } from '../../../server/modules/retention/retention.schemas';
import { SelectField } from '../../app/fields';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { PAGE_SIZE, useRetentionQueue, type RetentionView } from './api';
import { DestructionCard } from './DestructionCard';
import './retention.css';

const VIEW_OPTIONS = RETENTION_VIEWS.map((value) => ({ value, label: RETENTION_VIEW_LABELS[value] }));
const EMPTY: Record<RetentionView, string> = {
  open: 'Er is niets te beoordelen. De dagelijkse taak zet hier cliënten van wie de bewaartermijn verstreken is, en verzoeken van cliënten komen hier ook.',
  vernietigd: 'Er zijn nog geen dossiers vernietigd.',
  afgewezen: 'Er zijn geen vernietigingen afgewezen.',
};

export function RetentionPage() {
  const [status, setStatus] = useState<RetentionView>('open');
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
      <Paragraph>
        Vernietigen gebeurt met vier ogen: één medewerker kwaliteit stelt de vernietiging voor (of legt het verzoek van de cliënt vast), een andere medewerker kwaliteit
        bevestigt haar. Tot dan kan iedereen van kwaliteit haar afwijzen.
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
            setStatus(v as RetentionView);
            setOffset(0);
            setAnnouncement('');
          }}
          options={VIEW_OPTIONS}
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
                {status === 'open' && ', wat het eerst moet staat bovenaan'}.
              </Paragraph>
              <ol className="kt-retention__list" aria-label={RETENTION_VIEW_LABELS[status]}>
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
