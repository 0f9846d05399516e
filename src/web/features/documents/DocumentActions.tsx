// What one can do with a document: download it (a plain link, answered as an attachment), change its
// title (and, as its uploader, its mark), and delete it after a confirmation. The change form and the
// confirmation open in place, through the one inline-form helper (focus in, and back on close).
import { useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { Sensitivity } from '../../../server/lib/sensitivity';
import { documentChange } from '../../../server/modules/documents/documents.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { useDisclosure } from '../../app/use-disclosure';
import { useFormSubmit } from '../../app/use-form-submit';
import { SensitivityField } from '../journal/Sensitivity';
import { documentUrl, useChangeDocument, useRemoveDocument, type DocumentChange, type DocumentItem } from './api';

const LINK = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';

export function DocumentActions({ doc, onDone }: { doc: DocumentItem; onDone: (message: string, what: { removed: boolean }) => void }) {
  const edit = useDisclosure(`document-${doc.id}-wijzigen`);
  const remove = useDisclosure(`document-${doc.id}-verwijderen`);
  return (
    <div className="kt-document__actions">
      <ButtonGroup>
        <a href={documentUrl(doc.id)} download className={LINK} aria-label={`Downloaden: ${doc.title}`}>
          Downloaden
        </a>
        {doc.mayChange && !remove.open && (
          <Button type="button" appearance="subtle-button" {...edit.buttonProps} aria-label={`Wijzigen: ${doc.title}`}>
            Wijzigen
          </Button>
        )}
        {doc.mayDelete && !edit.open && (
          <Button type="button" appearance="subtle-button" {...remove.buttonProps} aria-label={`Verwijderen: ${doc.title}`}>
            Verwijderen
          </Button>
        )}
      </ButtonGroup>
      {edit.open && (
        <div {...edit.panelProps} className="kt-subsection">
          <ChangeForm doc={doc} onSaved={() => { onDone('Het document is gewijzigd.', { removed: false }); edit.hide(); }} onCancel={() => edit.hide()} />
        </div>
      )}
      {remove.open && (
        <div {...remove.panelProps} className="kt-subsection" role="group" aria-label={`${doc.title} verwijderen`}>
          <ConfirmRemove doc={doc} onRemoved={() => onDone(`Het document “${doc.title}” is verwijderd.`, { removed: true })} onCancel={() => remove.hide()} />
        </div>
      )}
    </div>
  );
}

function ChangeForm({ doc, onSaved, onCancel }: { doc: DocumentItem; onSaved: () => void; onCancel: () => void }) {
  const form = useFormErrors(`document-${doc.id}`);
  const change = useChangeDocument();
  const [title, setTitle] = useState(doc.title);
  const [sensitivity, setSensitivity] = useState<Sensitivity | null>(doc.sensitivity);
  const values: DocumentChange = { title, version: doc.version, ...(doc.mayChangeSensitivity ? { sensitivity } : {}) };
  const { submit, busy } = useFormSubmit<DocumentChange, DocumentItem>(form, {
    values,
    schema: documentChange,
    send: (v) => change.mutateAsync({ id: doc.id, change: v }),
    onSuccess: onSaved,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label={`${doc.title} wijzigen`}>
      <ErrorSummary form={form} />
      <TextField id={form.idFor('title')} label="Titel" value={title} onChange={setTitle} error={form.errorFor('title')} autoComplete="off" required maxLength={maxLengthOf(documentChange, 'title')} />
      {doc.mayChangeSensitivity ? (
        <SensitivityField id={form.idFor('sensitivity')} value={sensitivity} onChange={setSensitivity} error={form.errorFor('sensitivity')} description="Bij huiselijk geweld, gezondheid of justitie: alleen u en de regisseur van de casus zien het document." />
      ) : (
        <Paragraph className="kt-muted">Alleen wie het document opsloeg, kan de markering gevoelig wijzigen.</Paragraph>
      )}
      <FormActions submitLabel="Wijziging opslaan" busy={busy} onCancel={onCancel} appearance="secondary" />
    </form>
  );
}

function ConfirmRemove({ doc, onRemoved, onCancel }: { doc: DocumentItem; onRemoved: () => void; onCancel: () => void }) {
  const form = useFormErrors(`document-${doc.id}-verwijderen`);
  const remove = useRemoveDocument();
  const { submit, busy } = useFormSubmit<Pick<DocumentItem, 'id' | 'version'>, null>(form, {
    values: { id: doc.id, version: doc.version },
    send: (v) => remove.mutateAsync(v),
    onSuccess: onRemoved,
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Paragraph data-autofocus tabIndex={-1}>
        Weet u zeker dat u “{doc.title}” wilt verwijderen? Het bestand is daarna weg. Dit wordt vastgelegd.
      </Paragraph>
      <FormActions submitLabel="Ja, verwijderen" busy={busy} busyText="Bezig met verwijderen…" onSubmit={() => submit()} onCancel={onCancel} appearance="secondary" />
    </>
  );
}
