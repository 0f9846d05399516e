// Cliënt: all person fields (BSN whole, only here), edit, and the client's cases.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { DateText } from '../../app/DateText';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { ScrollTable } from '../../app/ScrollTable';
import { CaseStatusBadge } from '../../app/StatusBadge';
import { EmergencyNotice } from '../emergency/EmergencyNotice';
import { ClientZrm } from '../zrm/ClientZrm';
import { ConsentsSection } from '../consents/ConsentsSection';
import { DocumentsSection } from '../documents/DocumentsSection';
import { ClientRights } from '../client-rights/ClientRights';
import { GENDER_LABELS, HOUSEHOLD_ROLE_LABELS } from '../../../server/modules/clients/clients.schemas';
import { DestructionRequestLink } from '../retention/DestructionRequestLink';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { useClient, type ClientDetail } from './api';
import { ClientEditForm } from './ClientEditForm';
import './clients.css';


export function ClientDetailPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  return (
    <QueryStatus query={client} what="de cliënt">
      {(c) => <ClientView client={c} />}
    </QueryStatus>
  );
}

function ClientView({ client }: { client: ClientDetail }) {
  const { can } = useAuth();
  // The form takes the place of the facts; focus goes into it, and back to the button after it.
  const edits = useEditedWithin();
  const editing = useDisclosure('gegevens-wijzigen', { canClose: () => !edits.edited || confirmDiscardChanges() });
  const [saved, setSaved] = useState(false);
  const address = [[client.street, client.houseNumber].filter(Boolean).join(' '), [client.postcode, client.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <div className="kt-client">
      <PageTitle title={fullName(client)} />
      {client.emergencyUntil && <EmergencyNotice until={client.emergencyUntil} />}
      <section aria-labelledby="gegevens-title" className="kt-section">
        <Heading2 id="gegevens-title">Gegevens</Heading2>
        <Paragraph role="status">{saved && 'De gegevens zijn opgeslagen.'}</Paragraph>
        {editing.open ? (
          <div {...editing.panelProps} {...edits.trackProps}>
            <ClientEditForm
              client={client}
              onDone={(done) => {
                edits.reset();
                setSaved(done);
                editing.hide();
              }}
            />
          </div>
        ) : (
          <>
            <DataList appearance="rows" className="kt-datalist">
              <Item label="Voornaam" value={client.firstName} />
              <Item label="Achternaam" value={client.lastName} />
              <DataListItem>
                <DataListKey>Geboortedatum</DataListKey>
                <DataListValue>
                  <DateText value={client.birthDate} empty="Niet ingevuld" />
                </DataListValue>
              </DataListItem>
              <Item label="BSN" value={client.bsn} />
              <Item label="Geslacht" value={client.gender ? GENDER_LABELS[client.gender] ?? client.gender : null} />
              <Item label="Adres" value={address || null} />
              <Item label="Telefoonnummer" value={client.phone} />
            </DataList>
            {client.mayWrite && (
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" {...editing.buttonProps} onClick={() => { setSaved(false); editing.toggle(); }}>
                  Gegevens wijzigen
                </Button>
              </ButtonGroup>
            )}
            {can('clients:write') && client.attachNotJustified && (
              <Paragraph>
                Uw team heeft deze cliënt gekoppeld terwijl een ander team de cliënt al kende. U kunt de gegevens wijzigen nadat Kwaliteit de koppeling als terecht heeft beoordeeld.
              </Paragraph>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="casussen-title" className="kt-section">
        <Heading2 id="casussen-title">Casussen</Heading2>
        {client.cases.length === 0 ? (
          <Paragraph>Deze cliënt heeft (nog) geen casus.</Paragraph>
        ) : (
          <ScrollTable caption={`Casussen van ${fullName(client)}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aangemeld</TableHeaderCell>
                <TableHeaderCell scope="col">Team</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Rol</TableHeaderCell>
                <TableHeaderCell scope="col">Afgesloten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {client.cases.map((c) => (
                <TableRow key={c.id}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/casussen/${c.id}`}>
                      <span className="kt-visually-hidden">Casus aangemeld op </span>
                      <DateText value={c.registeredOn} />
                    </RouterLink>
                  </TableHeaderCell>
                  <TableCell>{c.teamName}</TableCell>
                  <TableCell>
                    <CaseStatusBadge status={c.status} />
                  </TableCell>
                  <TableCell>{HOUSEHOLD_ROLE_LABELS[c.role] ?? c.role}</TableCell>
                  <TableCell>
                    <DateText value={c.closedOn} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        )}
      </section>
      <ClientZrm clientId={client.id} name={fullName(client)} />
      <ConsentsSection client={client} />
      <DocumentsSection target={{ clientId: client.id }} intro="Documenten van de cliënt zelf, niet van een casus (bijvoorbeeld een huurcontract of een brief van de gemeente). Documenten van een casus staan bij de casus." />
      <ClientRights clientId={client.id} name={fullName(client)} mayReadAccessLog={client.mayReadAccessLog} />
      <DestructionRequestLink clientId={client.id} />
    </div>
  );
}

function Item({ label, value }: { label: string; value: string | null }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value || 'Niet ingevuld'}</DataListValue>
    </DataListItem>
  );
}
