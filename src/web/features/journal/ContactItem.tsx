// One journal entry: shown, edited in place (earlier versions kept), with its history. A sensitive
// entry the user may not read shows only its date, kind and author.
import { useState } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { CONTACT_KIND_LABELS } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { useDisclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import { formatDate } from '../../app/format';
import { WITHHELD_NOTE } from '../../../server/lib/sensitivity';
import { useReloadJournal, useUpdateContact, type Contact, type JournalEntry, type WithheldContact } from './api';
import { ContactForm } from './ContactForm';
import { ContactVersions } from './ContactVersions';
import { SensitivityTag, WithheldNotice } from './Sensitivity';

/** `mayWrite`: false for a reader through break-the-glass (read only). */
export function ContactItem({ contact, mayWrite = true }: { contact: JournalEntry; mayWrite?: boolean }) {
  return contact.withheld ? <WithheldItem contact={contact} /> : <VisibleItem contact={contact} mayWrite={mayWrite} />;
}

function entryTitle(contact: JournalEntry): string {
  return `${formatDate(contact.contactOn)} — ${CONTACT_KIND_LABELS[contact.kind] ?? contact.kind}`;
}

function WithheldItem({ contact }: { contact: WithheldContact }) {
  const headingId = `contact-${contact.id}-title`;
  return (
    <li className="kt-contact">
      <article aria-labelledby={headingId} aria-describedby={`${headingId}-withheld`}>
        <Heading3 id={headingId} className="kt-contact__title">
          {entryTitle(contact)}
        </Heading3>
        <Paragraph className="kt-contact__meta">{contact.authorName ?? 'Onbekende auteur'}</Paragraph>
        <WithheldNotice id={`${headingId}-withheld`} text={WITHHELD_NOTE} />
      </article>
    </li>
  );
}

function VisibleItem({ contact, mayWrite }: { contact: Contact; mayWrite: boolean }) {
  // Focus into the form on "Bewerken", back to the button after saving or "Annuleren".
  const edits = useEditedWithin();
  const edit = useDisclosure(`contact-${contact.id}-bewerken`, { canClose: () => !edits.edited || confirmDiscardChanges() });
  const stopEditing = () => {
    edits.reset();
    edit.hide();
  };
  const [showVersions, setShowVersions] = useState(false);
  const update = useUpdateContact(contact.caseId, contact.id);
  const reload = useReloadJournal(contact.caseId);
  const edited = contact.version > 1;
  const title = entryTitle(contact);
  const headingId = `contact-${contact.id}-title`;

  return (
    <li className="kt-contact">
      <article aria-labelledby={headingId}>
        <Heading3 id={headingId} className="kt-contact__title">
          {title}
        </Heading3>
        <Paragraph className="kt-contact__meta">
          {contact.minutes !== null ? `${contact.minutes} minuten · ` : ''}
          {contact.authorName ?? 'Onbekende auteur'}
          {edited && (
            <>
              {' · '}
              <strong>bewerkt</strong> op <DateText value={contact.updatedAt} withTime />
            </>
          )}
          <SensitivityTag value={contact.sensitivity} />
        </Paragraph>
        {edit.open ? (
          <div {...edit.panelProps} {...edits.trackProps}>
            <ContactForm
              formId={`contact-${contact.id}`}
              label={`Contact van ${formatDate(contact.contactOn)} bewerken`}
              submitLabel="Wijziging opslaan"
              initial={contact}
              onSubmit={async (fields) => {
                await update.mutateAsync({ ...fields, version: contact.version });
                stopEditing();
              }}
              onCancel={stopEditing}
              onReload={() => void reload()}
            />
          </div>
        ) : (
          <>
            {contact.note ? <Paragraph className="kt-pre-line kt-note">{contact.note}</Paragraph> : <Paragraph className="kt-muted">Geen notitie.</Paragraph>}
            <ButtonGroup>
              {mayWrite && (
                <Button type="button" appearance="secondary-action-button" {...edit.buttonProps} aria-label={`Bewerken: contact ${title}`}>
                  Bewerken
                </Button>
              )}
              {edited && (
                <Button type="button" appearance="subtle-button" aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
                  Eerdere versies
                </Button>
              )}
            </ButtonGroup>
          </>
        )}
        {showVersions && <ContactVersions contactId={contact.id} headingId={`${headingId}-versions`} />}
      </article>
    </li>
  );
}
