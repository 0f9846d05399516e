// Toestemming en verstrekkingen on the client page: the consent register (with withdrawal) and the
// disclosures made, each with its legal ground; those the user's team recorded (all of them under
// break-the-glass). Only users who may change clients see the forms.
import { useRef, useState, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Heading4, Paragraph, StatusBadge, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { CONSENT_STATE_LABELS, type ConsentState } from '../../../server/modules/consents/consent-rules';
import { DISCLOSURE_GROUND_LABELS, GIVEN_HOW_LABELS, RECIPIENT_KIND_LABELS } from '../../../server/modules/consents/consents.schemas';
import { DateText } from '../../app/DateText';
import { fullName } from '../../app/format';
import { QueryStatus } from '../../app/QueryStatus';
import { ScrollTable } from '../../app/ScrollTable';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import type { ClientDetail } from '../clients/api';
import { useClientConsents, useRecordConsent, useRecordDisclosure, type Consent, type Disclosure } from './api';
import { ConsentForm } from './ConsentForm';
import { DisclosureForm } from './DisclosureForm';
import { WithdrawConsent } from './WithdrawConsent';

const STATE_TONE: Record<ConsentState, string> = { actief: 'safe', nog_niet_ingegaan: 'neutral', verlopen: 'inactive', ingetrokken: 'warning' };

export function ConsentsSection({ client }: { client: ClientDetail }) {
  const register = useClientConsents(client.id);
  // Through break-the-glass the file is read only.
  const mayWrite = client.mayWriteConsents;
  const name = fullName(client);
  return (
    <section aria-labelledby="toestemming-title" className="kt-section">
      <Heading2 id="toestemming-title">Toestemming en verstrekkingen</Heading2>
      <Paragraph>Gegevens van de cliënt deelt u met anderen alleen met toestemming van de cliënt, of op een wettelijke grondslag. Elke verstrekking legt u hier vast.</Paragraph>
      <Paragraph>
        {client.emergencyUntil
          ? 'Met noodtoegang ziet u de toestemmingen en verstrekkingen van alle teams.'
          : 'U ziet de toestemmingen en verstrekkingen die uw team heeft vastgelegd. Die van andere teams ziet u niet.'}
      </Paragraph>
      <QueryStatus query={register} what="de toestemmingen">
        {({ consents, disclosures }) => (
          <>
            <Consents client={client} name={name} consents={consents} mayWrite={mayWrite} />
            <Disclosures client={client} name={name} consents={consents} disclosures={disclosures} mayWrite={mayWrite} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function Consents({ client, name, consents, mayWrite }: { client: ClientDetail; name: string; consents: Consent[]; mayWrite: boolean }) {
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const record = useRecordConsent(client.id);
  return (
    <div className="kt-subsection">
      <Heading3 id="toestemmingen-title" ref={heading} tabIndex={-1}>
        Toestemmingen
      </Heading3>
      {consents.length === 0 ? (
        <Paragraph>Er is nog geen toestemming vastgelegd.</Paragraph>
      ) : (
        <ScrollTable caption={`Toestemmingen van ${name}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Ontvanger</TableHeaderCell>
              <TableHeaderCell scope="col">Gegevens en doel</TableHeaderCell>
              <TableHeaderCell scope="col">Geldig</TableHeaderCell>
              <TableHeaderCell scope="col">Gegeven</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              {mayWrite && <TableHeaderCell scope="col">Intrekken</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {consents.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">
                  {c.recipientName}
                  <br />
                  <span className="kt-muted">{RECIPIENT_KIND_LABELS[c.recipientKind]}</span>
                </TableHeaderCell>
                <TableCell>
                  <span className="kt-pre-line">{c.dataShared}</span>
                  <br />
                  <span className="kt-muted">Doel: </span>
                  <span className="kt-pre-line">{c.purpose}</span>
                </TableCell>
                <TableCell>
                  <DateText value={c.validFrom} /> tot {c.validUntil ? <>en met <DateText value={c.validUntil} /></> : 'intrekking'}
                </TableCell>
                <TableCell>
                  {GIVEN_HOW_LABELS[c.givenHow]}
                  <br />
                  <span className="kt-muted">
                    vastgelegd door {c.recordedByName ?? 'onbekend'} op <DateText value={c.recordedAt} withTime />
                  </span>
                </TableCell>
                <TableCell>
                  <StatusBadge status={STATE_TONE[c.state]}>{CONSENT_STATE_LABELS[c.state]}</StatusBadge>
                  {c.withdrawnOn && (
                    <>
                      <br />
                      op <DateText value={c.withdrawnOn} />
                      {c.withdrawnByName && ` door ${c.withdrawnByName}`}
                      {c.withdrawalNote && <span className="kt-pre-line">: {c.withdrawalNote}</span>}
                    </>
                  )}
                </TableCell>
                {mayWrite && (
                  <TableCell>
                    {(c.state === 'actief' || c.state === 'nog_niet_ingegaan') && (
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        aria-label={`Intrekken: toestemming voor ${c.recipientName}`}
                        aria-expanded={withdrawing?.id === c.id}
                        onClick={(event) => {
                          opener.current = event.currentTarget;
                          setMessage(null);
                          setWithdrawing(c);
                        }}
                      >
                        Intrekken
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {withdrawing && (
        <WithdrawConsent
          key={withdrawing.id}
          consent={withdrawing}
          onCancel={() => {
            setWithdrawing(null);
            opener.current?.focus();
          }}
          onWithdrawn={(after) => {
            setWithdrawing(null);
            setMessage(`De toestemming voor ${after.recipientName} is ingetrokken.`);
            heading.current?.focus();
          }}
        />
      )}
      {mayWrite && (
        <AddToggle id="toestemming-nieuw" openLabel="Nieuwe toestemming vastleggen" title="Toestemming vastleggen" message={message} onOpen={() => setMessage(null)}>
          {(close) => (
            <ConsentForm
              birthDate={client.birthDate}
              onSubmit={async (fields) => {
                const created = await record.mutateAsync(fields);
                setMessage(`De toestemming voor ${created.recipientName} is vastgelegd.`);
                close();
              }}
              onCancel={close}
            />
          )}
        </AddToggle>
      )}
    </div>
  );
}

function Disclosures({ client, name, consents, disclosures, mayWrite }: { client: ClientDetail; name: string; consents: Consent[]; disclosures: Disclosure[]; mayWrite: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const record = useRecordDisclosure(client.id);
  return (
    <div className="kt-subsection">
      <Heading3 id="verstrekkingen-title">Verstrekkingen</Heading3>
      <Paragraph>Een verstrekking kan niet worden gewijzigd of verwijderd. Heeft u zich vergist? Leg dan een nieuwe verstrekking vast en schrijf in de onderbouwing wat er aan de eerdere niet klopte.</Paragraph>
      {disclosures.length === 0 ? (
        <Paragraph>Er zijn nog geen gegevens van deze cliënt verstrekt.</Paragraph>
      ) : (
        <ScrollTable caption={`Verstrekkingen van ${name}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvanger</TableHeaderCell>
              <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
              <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
              <TableHeaderCell scope="col">Vastgelegd door</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {disclosures.map((d) => (
              <TableRow key={d.id}>
                <TableHeaderCell scope="row">
                  <DateText value={d.disclosedOn} />
                </TableHeaderCell>
                <TableCell>{d.recipient}</TableCell>
                <TableCell>
                  <span className="kt-pre-line">{d.dataShared}</span>
                </TableCell>
                <TableCell>
                  {DISCLOSURE_GROUND_LABELS[d.ground]}
                  {d.consent && (
                    <>
                      : toestemming voor {d.consent.recipientName} van <DateText value={d.consent.validFrom} />
                    </>
                  )}
                  {d.reasoning && (
                    <>
                      <br />
                      <span className="kt-pre-line">{d.reasoning}</span>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {d.recordedByName ?? 'onbekend'}
                  <br />
                  <span className="kt-muted">
                    <DateText value={d.recordedAt} withTime />
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {mayWrite && (
        <AddToggle id="verstrekking-nieuw" openLabel="Nieuwe verstrekking vastleggen" title="Verstrekking vastleggen" message={message} onOpen={() => setMessage(null)}>
          {(close) => (
            <DisclosureForm
              client={client}
              consents={consents}
              onSubmit={async (fields) => {
                const created = await record.mutateAsync(fields);
                setMessage(`De verstrekking aan ${created.recipient} is vastgelegd.`);
                close();
              }}
              onCancel={close}
            />
          )}
        </AddToggle>
      )}
    </div>
  );
}

/** A button that opens a form in place (focus into it); closing it (saved or cancelled) returns focus to the button. */
function AddToggle({ id, openLabel, title, message, onOpen, children }: { id: string; openLabel: string; title: string; message: string | null; onOpen: () => void; children: (close: () => void) => ReactNode }) {
  const edits = useEditedWithin();
  const form = useDisclosure(id, { canClose: () => !edits.edited || confirmDiscardChanges() });
  const close = () => {
    edits.reset();
    form.hide();
  };
  return (
    <>
      <Paragraph role="status">{message}</Paragraph>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          {...form.buttonProps}
          onClick={() => {
            if (!form.open) onOpen();
            form.toggle();
          }}
        >
          {openLabel}
        </Button>
      </ButtonGroup>
      {form.open && (
        <div {...form.panelProps} {...edits.trackProps} className="kt-subsection">
          <Heading4>{title}</Heading4>
          {children(close)}
        </div>
      )}
    </>
  );
}
