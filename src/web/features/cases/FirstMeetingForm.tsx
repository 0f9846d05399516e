// Kennismaking vastleggen: the date and where it took place.
import { useState } from 'react';
import { firstMeetingBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { codeOptions, useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

const FALLBACK_LOCATIONS = [
  { value: 'thuis', label: 'Thuis' },
  { value: 'kantoor', label: 'Kantoor' },
  { value: 'elders', label: 'Elders' },
];

/** `onCancel` only where the form opened on demand (changing a first meeting already recorded). */
export function FirstMeetingForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone?: () => void; onCancel?: () => void }) {
  const reference = useReference();
  const action = useCaseAction(detail.id, 'first-meeting');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('kennismaking');
  const [firstMeetingOn, setFirstMeetingOn] = useState(detail.firstMeetingOn ?? today());
  const [location, setLocation] = useState<string>(detail.firstMeetingLocation ?? '');
  const locations = codeOptions(reference.data, 'first_meeting_locations');
  const { submit, busy } = useFormSubmit(form, {
    values: { firstMeetingOn, location, version: detail.version },
    schema: firstMeetingBody,
    send: (body) => action.mutateAsync(body),
    onSuccess: () => onDone?.(),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Kennismaking">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextField id={form.idFor('firstMeetingOn')} label="Datum kennismaking" type="date" value={firstMeetingOn} onChange={setFirstMeetingOn} max={today()} size="s" error={form.errorFor('firstMeetingOn')} required />
      <RadioGroupField
        id={form.idFor('location')}
        label="Waar was de kennismaking?"
        options={locations.length ? locations : FALLBACK_LOCATIONS}
        value={location}
        onChange={setLocation}
        error={form.errorFor('location')}
        required
      />
      <FormActions submitLabel="Kennismaking vastleggen" busy={busy} onCancel={onCancel} />
    </form>
  );
}
