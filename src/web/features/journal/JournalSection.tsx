// Contactjournaal of a case: the form for a new entry (opened on demand by the case header's
// "Nieuwe journaalregel"), then the contacts newest first.
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryStatus } from '../../app/QueryStatus';
import type { Disclosure } from '../../app/use-disclosure';
import { useEditedWithin } from '../../app/use-unsaved-changes';
import { useAddContact, useContacts } from './api';
import { ContactForm } from './ContactForm';
import { ContactItem } from './ContactItem';

/**
 * `closed`: a closed case takes no new contacts (the server refuses them); reopen it first.
 * `mayWrite`: false for a reader without journal rights or through break-the-glass: the list only.
 * `form`: the disclosure whose button opens the new entry's form (the case header's action).
 */
export function JournalSection({ caseId, closed, mayWrite, form }: { caseId: string; closed: boolean; mayWrite: boolean; form?: Disclosure }) {
  const contacts = useContacts(caseId);
  const [saved, setSaved] = useState<string | null>(null);
  const clearSaved = useCallback(() => setSaved(null), []);
  return (
    <section aria-labelledby="journaal-title" className="kt-section">
      <Heading2 id="journaal-title">Contactjournaal</Heading2>
      {mayWrite && closed && <Paragraph>De casus is afgesloten. Heropen de casus om een contact toe te voegen.</Paragraph>}
      {/* Always in the page, so that the confirmation is read out when it appears. */}
      <Paragraph role="status">{saved}</Paragraph>
      {mayWrite && !closed && form?.open && (
        <NewContact
          caseId={caseId}
          form={form}
          onOpen={clearSaved}
          onSaved={(on) => {
            setSaved(`De journaalregel van ${formatDate(on)} is opgeslagen.`);
            form.hide();
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

function NewContact({ caseId, form, onOpen, onSaved }: { caseId: string; form: Disclosure; onOpen: () => void; onSaved: (contactOn: string) => void }) {
  const add = useAddContact(caseId);
  const edits = useEditedWithin();
  // One key per new contact: kept when sending fails (a retry cannot add it twice), new with the next form.
  const key = useRef(newIdempotencyKey());
  // A new form clears the last confirmation.
  useEffect(() => onOpen(), [onOpen]);
  return (
    <div {...form.panelProps} {...edits.trackProps} className="kt-subsection">
      <Heading3 id="journaal-nieuw-title">Nieuwe journaalregel</Heading3>
      <ContactForm
        formId="contact-nieuw"
        label="Nieuwe journaalregel"
        submitLabel="Journaalregel opslaan"
        onSubmit={async (fields) => {
          await add.mutateAsync({ fields, idempotencyKey: key.current });
          edits.reset();
          onSaved(fields.contactOn);
        }}
        onCancel={() => {
          edits.reset();
          form.hide();
        }}
      />
    </div>
  );
}
