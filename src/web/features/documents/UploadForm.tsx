// A new document: a title, the file (the types the server takes in the file input's `accept`; the
// size checked here before anything is sent), and the "Gevoelig" mark as journal entries have it.
// The file is read and sent as JSON (base64); the server decides on the content whether it may be
// stored and answers in Dutch when not (a name that lies about the type, a text file).
import { useEffect, useState } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { Sensitivity } from '../../../server/lib/sensitivity';
import { ALLOWED_TYPES_TEXT, DOCUMENT_ACCEPT, sizeText } from '../../../server/modules/documents/document-types';
import { CHOOSE_FILE, documentTooLargeMessage, documentUpload } from '../../../server/modules/documents/documents.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { useFormSubmit } from '../../app/use-form-submit';
import { SensitivityField } from '../journal/Sensitivity';
import { readAsBase64, useUploadDocument, type DocumentItem, type DocumentTarget } from './api';

// The file name's problems belong to the file field; the schema's fields but the content are checked here.
const mapPath = (path: string) => (path === 'fileName' ? 'contentBase64' : path);
const beforeSending = documentUpload.pick({ title: true, fileName: true, sensitivity: true });

interface Values {
  title: string;
  fileName: string;
  sensitivity: Sensitivity | null;
  file: File | null;
}

export function UploadForm({ formId, target, maxBytes, onSaved, onCancel }: { formId: string; target: DocumentTarget; maxBytes: number; onSaved: (doc: DocumentItem) => void; onCancel: () => void }) {
  const form = useFormErrors(formId, { mapPath });
  const upload = useUploadDocument(target);
  const [values, setValues] = useState<Values>({ title: '', fileName: '', sensitivity: null, file: null });
  const titleId = form.idFor('title');
  const fileId = form.idFor('contentBase64');
  const fileError = form.errorFor('contentBase64');
  useEffect(() => {
    document.getElementById(titleId)?.focus();
  }, [titleId]);

  const { submit, busy } = useFormSubmit<Values, DocumentItem>(form, {
    values,
    schema: beforeSending,
    check: (v) => {
      if (!v.file) return [{ path: 'contentBase64', message: CHOOSE_FILE }];
      if (v.file.size > maxBytes) return [{ path: 'contentBase64', message: documentTooLargeMessage(maxBytes) }];
      if (v.file.size === 0) return [{ path: 'contentBase64', message: 'Het bestand is leeg. Kies een ander bestand.' }];
      return [];
    },
    send: async (v) => upload.mutateAsync({ title: v.title, fileName: v.fileName, sensitivity: v.sensitivity, contentBase64: await readAsBase64(v.file!) }),
    onSuccess: onSaved,
  });

  const describedBy = [`${fileId}-description`, fileError ? `${fileId}-error` : null].filter(Boolean).join(' ');
  return (
    <form noValidate onSubmit={submit} className="kt-form kt-document-form" aria-label="Nieuw document">
      <ErrorSummary form={form} />
      <TextField id={titleId} label="Titel" description="Bijvoorbeeld: Brief van de woningcorporatie." value={values.title} onChange={(title) => setValues((v) => ({ ...v, title }))} error={form.errorFor('title')} autoComplete="off" required maxLength={maxLengthOf(documentUpload, 'title')} />
      <FormField invalid={!!fileError} className="kt-field">
        <div className="kt-label">
          <FormLabel htmlFor={fileId}>Bestand</FormLabel>
        </div>
        <FormFieldDescription id={`${fileId}-description`}>
          {ALLOWED_TYPES_TEXT}. Hoogstens {sizeText(maxBytes)}.
        </FormFieldDescription>
        {fileError && (
          <FormFieldErrorMessage id={`${fileId}-error`}>
            <span className="kt-visually-hidden">Fout: </span>
            {fileError}
          </FormFieldErrorMessage>
        )}
        <input
          id={fileId}
          name="bestand"
          type="file"
          className="kt-file-input"
          accept={DOCUMENT_ACCEPT}
          aria-describedby={describedBy}
          aria-invalid={fileError ? true : undefined}
          required
          onChange={(event) => {
            const file = event.currentTarget.files?.[0] ?? null;
            setValues((v) => ({ ...v, file, fileName: file?.name ?? '' }));
          }}
        />
      </FormField>
      {values.file && (
        <Paragraph className="kt-muted">
          Gekozen: {values.file.name} ({sizeText(values.file.size)})
        </Paragraph>
      )}
      <SensitivityField id={form.idFor('sensitivity')} value={values.sensitivity} onChange={(sensitivity) => setValues((v) => ({ ...v, sensitivity }))} error={form.errorFor('sensitivity')} description="Bij huiselijk geweld, gezondheid of justitie: alleen u en de regisseur van de casus zien het document." />
      <FormActions submitLabel="Document opslaan" busy={busy} busyText="Bezig met versturen…" onCancel={onCancel} />
    </form>
  );
}
