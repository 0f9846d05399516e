// Contactjournaal of a case: add a contact, then the contacts newest first.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { newIdempotencyKey } from '../../app/api';
import { QueryStatus } from '../../app/QueryStatus';
import { useAddContact, useContacts } from './api';
import { ContactForm } from './ContactForm';
import { ContactItem } from './ContactItem';

/**
 * `closed`: a closed case takes no new contacts (the server refuses them); reopen it first.
 * `mayWrite`: false for a reader without journal rights or through break-the-glass: the list only.
 */
export function JournalSection({ caseId, closed, mayWrite }: { caseId: string; closed: boolean; mayWrite: boolean }) {
  const contacts = useContacts(caseId);
  const add = useAddContact(caseId);
  // One key per new contact: kept when sending fails (a retry cannot add it twice), new after success.
  const key = useRef(newIdempotencyKey());
  return (
    <section aria-labelledby="journaal-title" className="kt-section">
      <Heading2 id="journaal-title">Contactjournaal</Heading2>
      {!mayWrite ? null : closed ? (
        <Paragraph>De casus is afgesloten. Heropen de casus om een contact toe te voegen.</Paragraph>
      ) : (
        <ContactForm
        formId="contact-nieuw"
        label="Contact toevoegen"
        submitLabel="Contact toevoegen"
        onSubmit={async (fields) => {
          await add.mutateAsync({ fields, idempotencyKey: key.current });
          key.current = newIdempotencyKey();
        }}
      />
      )}
      <QueryStatus query={contacts} what="het contactjournaal">
        {(list) =>
          list.length === 0 ? (
            <Paragraph>Er zijn nog geen contacten vastgelegd.</Paragraph>
          ) : (
            <ol className="kt-contacts" aria-label="Contacten, nieuwste eerst">
              {list.map((contact) => (
                <ContactItem key={contact.id} contact={contact} mayWrite={mayWrite} />
              ))}
            </ol>
          )
        }
      </QueryStatus>
    </section>
  );
}
