// "Agenda in Outlook": the worker's secret feed address. Made on request and shown once in full
// (with a copy button); afterwards only that there is one. A new address stops the old one; revoking
// asks first. The feed holds no names: the kind, the case reference and the place.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { QueryStatus } from '../../app/QueryStatus';
import { useCreateFeed, useFeedStatus, useRevokeFeed } from './api';

export function AgendaFeed() {
  const status = useFeedStatus();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [address, setAddress] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (address) addressRef.current?.select();
  }, [address]);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);

  async function make() {
    setError(null);
    setMessage(null);
    try {
      const made = await create.mutateAsync(status.data?.createdAt ?? null);
      setAddress(new URL(made.path, window.location.origin).toString());
      addressRef.current?.focus();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Er is geen adres gemaakt. Probeer het opnieuw.');
    }
  }

  async function copy() {
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      setMessage('Het adres is gekopieerd.');
    } catch {
      addressRef.current?.select();
      setMessage('Kopiëren lukte niet. Het adres is geselecteerd: kopieer het met Ctrl+C (of Cmd+C).');
    }
  }

  async function doRevoke() {
    setError(null);
    try {
      if (status.data?.createdAt) await revoke.mutateAsync(status.data.createdAt);
      setAddress(null);
      setConfirming(false);
      setMessage('Het adres werkt niet meer. Outlook toont uw afspraken uit Keukentafel niet meer.');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Het adres is niet ingetrokken. Probeer het opnieuw.');
    }
  }

  return (
    <section aria-labelledby="agenda-feed-title" className="kt-section kt-agenda-feed">
      <Heading2 id="agenda-feed-title">Agenda in Outlook</Heading2>
      <Paragraph>
        Met een geheim adres ziet u uw afspraken uit Keukentafel ook in Outlook of een andere agenda. Daar staan geen namen in: alleen het soort afspraak, de casus (als “Casus” en een code), de tijd en de plaats die u invulde.
        Iedereen met het adres kan uw afspraken zien: deel het niet.
      </Paragraph>
      <QueryStatus query={status} what="uw agenda-adres">
        {(feed) => (
          <>
            {address ? (
              <div className="kt-agenda-feed__address">
                <label htmlFor="agenda-feed-adres" className="kt-agenda-feed__label">
                  Uw nieuwe adres (u ziet het maar één keer)
                </label>
                <input id="agenda-feed-adres" ref={addressRef} className="utrecht-textbox utrecht-textbox--html-input kt-agenda-feed__input" readOnly value={address} aria-describedby="agenda-feed-uitleg" />
                <Paragraph id="agenda-feed-uitleg">Kopieer het adres en voeg het in Outlook toe als agenda “Van internet”.</Paragraph>
                <ButtonGroup>
                  <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
                    Adres kopiëren
                  </Button>
                </ButtonGroup>
              </div>
            ) : feed.active ? (
              <Paragraph>
                U heeft een adres, gemaakt op <DateText value={feed.createdAt} withTime />. Het adres zelf ziet u niet meer; kwijt? Maak een nieuw adres.
              </Paragraph>
            ) : (
              <Paragraph>U heeft nog geen adres.</Paragraph>
            )}
            <div role="status">{message && <Paragraph>{message}</Paragraph>}</div>
            {error && <Paragraph role="alert">{error}</Paragraph>}
            {confirming ? (
              <div role="group" aria-label="Adres intrekken bevestigen" className="kt-agenda-feed__confirm">
                <Paragraph>Wilt u het adres intrekken? Outlook haalt uw afspraken dan niet meer op.</Paragraph>
                <ButtonGroup>
                  <Button ref={yesRef} type="button" appearance="primary-action-button" busy={revoke.isPending} disabled={revoke.isPending} onClick={() => void doRevoke()}>
                    Ja, intrekken
                  </Button>
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    onClick={() => {
                      setConfirming(false);
                      requestAnimationFrame(() => revokeRef.current?.focus());
                    }}
                  >
                    Nee, laten werken
                  </Button>
                </ButtonGroup>
              </div>
            ) : (
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" busy={create.isPending} disabled={create.isPending} onClick={() => void make()}>
                  {feed.active || address ? 'Nieuw adres maken (het oude stopt)' : 'Adres maken'}
                </Button>
                {(feed.active || address) && (
                  <Button ref={revokeRef} type="button" appearance="subtle-button" onClick={() => setConfirming(true)}>
                    Adres intrekken
                  </Button>
                )}
              </ButtonGroup>
            )}
          </>
        )}
      </QueryStatus>
    </section>
  );
}
