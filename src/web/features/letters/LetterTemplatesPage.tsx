// Beheer → Brieven: the texts of the letters workers make from a case (an invitation, the
// confirmation of the first meeting, the closing letter). Per kind the text in use, changed in a
// form that opens on demand, and back to the text that ships after a confirmation. The fields a
// text may name ({naam}) are listed below, with what each one holds.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { LETTER_FIELDS } from '../../../server/modules/letters/letter-templates';
import { letterTemplateFields } from '../../../server/modules/letters/letters.schemas';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useDisclosure } from '../../app/use-disclosure';
import { useFormSubmit } from '../../app/use-form-submit';
import { confirmDiscardChanges, useUnsavedChanges } from '../../app/use-unsaved-changes';
import { useLetterTemplates, useResetLetterTemplate, useSaveLetterTemplate, type LetterTemplate, type LetterTemplateFields } from './api';
import './letters.css';

export function LetterTemplatesPage() {
  const templates = useLetterTemplates();
  return (
    <>
      <PageTitle title="Brieven" />
      <Paragraph>
        Medewerkers maken deze brieven vanuit een casus. Woorden tussen accolades, zoals {'{naam}'}, vult Keukentafel in met wat de casus weet. Wat de casus niet weet, vult de medewerker in voordat de brief wordt opgeslagen. Schrijf op taalniveau B1: korte zinnen, gewone woorden.
      </Paragraph>
      <QueryStatus query={templates} what="de brieven">
        {(list) => list.map((template) => <TemplateSection key={template.kind} template={template} />)}
      </QueryStatus>
      <section aria-labelledby="brief-velden" className="kt-letter-fields">
        <Heading2 id="brief-velden">Velden die u kunt gebruiken</Heading2>
        <DataList>
          {Object.entries(LETTER_FIELDS).map(([name, meaning]) => (
            <DataListItem key={name}>
              <DataListKey>
                <code>{`{${name}}`}</code>
              </DataListKey>
              <DataListValue value={meaning}>{meaning}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      </section>
    </>
  );
}

function TemplateSection({ template }: { template: LetterTemplate }) {
  const headingId = `brief-${template.kind}`;
  const edit = useDisclosure(`brief-${template.kind}-aanpassen`, { canClose: confirmDiscardChanges });
  const reset = useResetLetterTemplate();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function backToStandard() {
    try {
      await reset.mutateAsync(template);
      setMessage('De standaardtekst wordt weer gebruikt.');
    } catch {
      setMessage('Dat lukte niet: iemand anders heeft de tekst intussen gewijzigd. Bekijk de tekst hieronder en probeer het opnieuw.');
    }
    setConfirming(false);
    edit.button()?.focus();
  }

  return (
    <section aria-labelledby={headingId} className="kt-letter-template">
      <Heading2 id={headingId}>{template.label}</Heading2>
      <Paragraph className="kt-muted">
        {template.custom ? (
          <>
            Eigen tekst van uw organisatie, gewijzigd op <DateText value={template.updatedAt} /> door {template.updatedBy}.
          </>
        ) : (
          'De standaardtekst van Keukentafel.'
        )}
      </Paragraph>
      <div role="status">{message && !edit.open && <Paragraph>{message}</Paragraph>}</div>
      {!edit.open && (
        <div className="kt-letter-preview">
          <Paragraph>
            <strong>Onderwerp:</strong> {template.subject}
          </Paragraph>
          <div className="kt-letter-preview__body">{template.body}</div>
        </div>
      )}
      {!confirming && (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            {...edit.buttonProps}
            onClick={() => {
              setMessage(null);
              edit.toggle();
            }}
          >
            Tekst aanpassen
          </Button>
          {template.custom && !edit.open && (
            <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)}>
              Terug naar de standaardtekst
            </Button>
          )}
        </ButtonGroup>
      )}
      {confirming && (
        <div ref={confirmRef} tabIndex={-1} className="kt-subsection">
          <Alert type="warning">
            <Paragraph>De eigen tekst van uw organisatie gaat dan verloren. Medewerkers krijgen weer de standaardtekst van Keukentafel. Weet u het zeker?</Paragraph>
          </Alert>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" busy={reset.isPending} disabled={reset.isPending} onClick={() => void backToStandard()}>
              Ja, standaardtekst gebruiken
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setConfirming(false);
                edit.button()?.focus();
              }}
            >
              Annuleren
            </Button>
          </ButtonGroup>
        </div>
      )}
      {edit.open && (
        <div {...edit.panelProps} className="kt-subsection" role="group" aria-labelledby={`${headingId}-form`}>
          <Heading3 id={`${headingId}-form`}>Tekst aanpassen: {template.label.toLowerCase()}</Heading3>
          <TemplateForm
            template={template}
            onSaved={() => {
              setMessage('De tekst is opgeslagen. Nieuwe brieven krijgen deze tekst.');
              edit.hide();
            }}
            onCancel={() => edit.hide()}
          />
        </div>
      )}
    </section>
  );
}

function TemplateForm({ template, onSaved, onCancel }: { template: LetterTemplate; onSaved: () => void; onCancel: () => void }) {
  const form = useFormErrors(`brief-${template.kind}`);
  const save = useSaveLetterTemplate();
  const [values, setValues] = useState({ subject: template.subject, body: template.body });
  useUnsavedChanges(values.subject !== template.subject || values.body !== template.body);
  const { submit, busy } = useFormSubmit<LetterTemplateFields, LetterTemplate>(form, {
    values: { kind: template.kind, subject: values.subject, body: values.body, version: template.version },
    schema: letterTemplateFields,
    send: (v) => save.mutateAsync(v),
    onSuccess: onSaved,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label={`Tekst van de brief: ${template.label}`}>
      <ErrorSummary form={form} />
      <TextField id={form.idFor('subject')} label="Onderwerp" value={values.subject} onChange={(subject) => setValues((v) => ({ ...v, subject }))} error={form.errorFor('subject')} required maxLength={maxLengthOf(letterTemplateFields, 'subject')} />
      <TextareaField
        id={form.idFor('body')}
        label="Tekst van de brief"
        description="Een lege regel begint een nieuwe alinea. De naam en het adres van de ontvanger, de datum en de contactpersoon zet Keukentafel zelf boven de brief."
        value={values.body}
        onChange={(body) => setValues((v) => ({ ...v, body }))}
        rows={14}
        error={form.errorFor('body')}
        required
        maxLength={maxLengthOf(letterTemplateFields, 'body')}
      />
      <FormActions submitLabel="Tekst opslaan" busy={busy} onCancel={onCancel} />
    </form>
  );
}
