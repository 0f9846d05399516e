// "Brief maken" on the case's Documenten part: choose the kind of letter and to whom in the
// household it goes; Keukentafel fills it from the case; the worker reads it, fills in what the case
// did not know (the words between braces, listed), changes what they like, and saves it as a PDF
// among the case's documents. Two steps in one form that opens on demand; unsaved text is asked about.
import { useEffect, useState } from 'react';
import { Alert, Button, ButtonGroup, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { LETTER_KINDS, LETTER_KIND_LABELS, fieldLabel, fieldsToFill } from '../../../server/modules/letters/letter-templates';
import { letterFields, stillToFillMessage, type LetterFields } from '../../../server/modules/letters/letters.schemas';
import type { Sensitivity } from '../../../server/lib/sensitivity';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { fullName } from '../../app/format';
import { useDisclosure } from '../../app/use-disclosure';
import { useFormSubmit } from '../../app/use-form-submit';
import { confirmDiscardChanges, useUnsavedChanges } from '../../app/use-unsaved-changes';
import type { CaseDetail } from '../cases/api';
import type { DocumentItem } from '../documents/api';
import { SensitivityField } from '../journal/Sensitivity';
import { fetchLetterDraft, useMakeLetter, type LetterDraft, type LetterKind } from './api';
import './letters.css';

const FORM_ID = 'brief-nieuw';

export function NewLetter({ detail }: { detail: CaseDetail }) {
  const disclosure = useDisclosure(FORM_ID, { canClose: confirmDiscardChanges });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="kt-new-letter">
      <div role="status">{saved && !disclosure.open && <Paragraph>{saved}</Paragraph>}</div>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          {...disclosure.buttonProps}
          onClick={() => {
            setSaved(null);
            disclosure.toggle();
          }}
        >
          Brief maken
        </Button>
      </ButtonGroup>
      {disclosure.open && (
        <div {...disclosure.panelProps} className="kt-subsection" role="group" aria-labelledby={`${FORM_ID}-heading`}>
          <Heading3 id={`${FORM_ID}-heading`}>Brief maken</Heading3>
          <LetterForm
            detail={detail}
            onSaved={(doc) => {
              setSaved(`De brief “${doc.title}” staat als PDF bij de documenten.`);
              disclosure.hide();
            }}
            onCancel={() => disclosure.hide()}
          />
        </div>
      )}
    </div>
  );
}

function LetterForm({ detail, onSaved, onCancel }: { detail: CaseDetail; onSaved: (doc: DocumentItem) => void; onCancel: () => void }) {
  const form = useFormErrors(FORM_ID);
  const make = useMakeLetter(detail.id);
  const main = detail.household.find((m) => m.role === 'hoofdclient') ?? detail.household[0];
  const [choice, setChoice] = useState<{ kind: LetterKind; recipientId: string }>({ kind: 'uitnodiging', recipientId: main?.clientId ?? '' });
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [text, setText] = useState({ subject: '', body: '' });
  const [sensitivity, setSensitivity] = useState<Sensitivity | null>(null);
  const [loading, setLoading] = useState(false);
  useUnsavedChanges(draft !== null && (text.subject !== draft.subject || text.body !== draft.body));
  // Once the letter is filled in, focus goes to its text, to read and complete.
  const bodyId = form.idFor('body');
  useEffect(() => {
    if (draft) document.getElementById(bodyId)?.focus();
  }, [draft, bodyId]);

  async function fill() {
    setLoading(true);
    try {
      const answer = await fetchLetterDraft(detail.id, choice.kind, choice.recipientId);
      setDraft(answer);
      setText({ subject: answer.subject, body: answer.body });
      form.clear();
    } catch (error) {
      form.showApiError(error);
    } finally {
      setLoading(false);
    }
  }

  const { submit, busy } = useFormSubmit<LetterFields, DocumentItem>(form, {
    values: { kind: choice.kind, recipientId: choice.recipientId, subject: text.subject, body: text.body, sensitivity: sensitivity ?? undefined },
    schema: letterFields,
    check: (v) =>
      (['subject', 'body'] as const).flatMap((path) => {
        const left = fieldsToFill(v[path]);
        return left.length > 0 ? [{ path, message: stillToFillMessage(left) }] : [];
      }),
    send: (v) => make.mutateAsync(v),
    onSuccess: onSaved,
  });

  if (!draft) {
    return (
      <form
        noValidate
        className="kt-form"
        aria-label="Welke brief"
        onSubmit={(event) => {
          event.preventDefault();
          void fill();
        }}
      >
        <ErrorSummary form={form} />
        <SelectField
          id={form.idFor('kind')}
          label="Soort brief"
          options={LETTER_KINDS.map((kind) => ({ value: kind, label: LETTER_KIND_LABELS[kind] }))}
          placeholder={null}
          value={choice.kind}
          onChange={(kind) => setChoice((c) => ({ ...c, kind: kind as LetterKind }))}
          error={form.errorFor('kind')}
          required
        />
        <SelectField
          id={form.idFor('recipientId')}
          label="Aan wie"
          description="Iemand uit het huishouden van de casus."
          options={detail.household.map((m) => ({ value: m.clientId, label: fullName(m) }))}
          placeholder={null}
          value={choice.recipientId}
          onChange={(recipientId) => setChoice((c) => ({ ...c, recipientId }))}
          error={form.errorFor('recipientId')}
          required
        />
        <FormActions submitLabel="Brief invullen" busy={loading} busyText="Bezig met invullen…" onCancel={onCancel} />
      </form>
    );
  }

  const left = fieldsToFill(`${text.subject}\n${text.body}`);
  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label={`Brief: ${LETTER_KIND_LABELS[draft.kind].toLowerCase()}`}>
      <ErrorSummary form={form} />
      <Paragraph>
        <strong>Aan:</strong> {draft.recipientName}
        {draft.address.length > 0 && `, ${draft.address.join(', ')}`}
      </Paragraph>
      {!draft.addressComplete && (
        <Alert type="warning">
          <Paragraph>Het adres van {draft.recipientName} is niet compleet. Vul het eerst aan bij de cliënt als u de brief per post wilt sturen.</Paragraph>
        </Alert>
      )}
      {left.length > 0 && (
        <Alert type="info">
          <Paragraph>Dit weet de casus niet. Vul het in de tekst in, op de plaats van de woorden tussen {'{ }'}:</Paragraph>
          <UnorderedList>
            {left.map((field) => (
              <UnorderedListItem key={field}>
                <code>{`{${field}}`}</code>: {fieldLabel(field)}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      <TextField id={form.idFor('subject')} label="Onderwerp" value={text.subject} onChange={(subject) => setText((t) => ({ ...t, subject }))} error={form.errorFor('subject')} required maxLength={maxLengthOf(letterFields, 'subject')} />
      <TextareaField
        id={form.idFor('body')}
        label="Tekst van de brief"
        description="Lees de brief na en pas aan wat nodig is. Een lege regel begint een nieuwe alinea."
        value={text.body}
        onChange={(body) => setText((t) => ({ ...t, body }))}
        rows={16}
        error={form.errorFor('body')}
        required
        maxLength={maxLengthOf(letterFields, 'body')}
      />
      <SensitivityField id={form.idFor('sensitivity')} value={sensitivity} onChange={setSensitivity} error={form.errorFor('sensitivity')} description="Bij huiselijk geweld, gezondheid of justitie: alleen u en de regisseur van de casus zien de brief." />
      <FormActions submitLabel="Opslaan als PDF" busyText="Bezig met opslaan…" busy={busy} onCancel={onCancel} />
    </form>
  );
}
