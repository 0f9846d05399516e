// A new appointment on a case: what kind, the day and times (the Dutch clock), where (required for a
// home visit and at the office; it appears in the agenda feed, so no names there), with whom, a note,
// and whose agenda (oneself or a colleague of the case's team). Focus goes to the first field when
// the form opens; the caller puts it back on its button when the form closes.
import { useEffect, useState } from 'react';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, appointmentTimeProblems, NEEDS_PLACE, placeProblem, type AppointmentKind } from '../../../server/modules/appointments/appointment-rules';
import { appointmentFields } from '../../../server/modules/appointments/appointments.schemas';
import { useMe } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { maxLengthOf } from '../../app/form-limits';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useWorkers } from '../cases/api';
import { useCreateAppointment, type Appointment, type AppointmentFields } from './api';

export function AppointmentForm({ formId, caseId, teamId, onSaved, onCancel }: { formId: string; caseId: string; teamId: string; onSaved: (appointment: Appointment) => void; onCancel: () => void }) {
  const me = useMe();
  const form = useFormErrors(formId);
  const create = useCreateAppointment(caseId);
  const workers = useWorkers(teamId);
  const [values, setValues] = useState({ kind: 'huisbezoek' as AppointmentKind, date: today(), startTime: '10:00', endTime: '11:00', place: '', withWhom: '', note: '', workerId: me.id });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const kindId = form.idFor('kind');
  // Into the form as it opens (once: not again after an error, when the summary takes focus).
  useEffect(() => {
    // The first radio carries the field's id, and it is the one chosen at first.
    document.getElementById(kindId)?.focus();
  }, [kindId]);

  const { submit, busy } = useFormSubmit<AppointmentFields, Appointment>(form, {
    values,
    schema: appointmentFields,
    check: (v) => {
      const problems = v.date && v.startTime && v.endTime ? appointmentTimeProblems({ date: v.date, startTime: v.startTime, endTime: v.endTime }, today()) : [];
      const place = placeProblem(v.kind as AppointmentKind, v.place);
      return place ? [...problems, { path: 'place', message: place }] : problems;
    },
    send: (v) => create.mutateAsync(v),
    onSuccess: onSaved,
  });

  const colleagues = (workers.data ?? []).filter((w) => w.id !== me.id).map((w) => ({ value: w.id, label: w.name }));
  const needsPlace = NEEDS_PLACE.has(values.kind);
  return (
    <form noValidate onSubmit={submit} className="kt-form kt-appointment-form" aria-label="Nieuwe afspraak bij deze casus">
      <ErrorSummary form={form} />
      <RadioGroupField id={kindId} label="Soort afspraak" options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: APPOINTMENT_KIND_LABELS[k] }))} value={values.kind} onChange={set('kind')} error={form.errorFor('kind')} required />
      <TextField id={form.idFor('date')} label="Datum" type="date" size="m" value={values.date} onChange={set('date')} error={form.errorFor('date')} required />
      <div className="kt-appointment-form__times">
        <TextField id={form.idFor('startTime')} label="Begintijd" description="Bijvoorbeeld 09:30." type="time" size="s" value={values.startTime} onChange={set('startTime')} error={form.errorFor('startTime')} required />
        <TextField id={form.idFor('endTime')} label="Eindtijd" description="Hoogstens 12 uur later." type="time" size="s" value={values.endTime} onChange={set('endTime')} error={form.errorFor('endTime')} required />
      </div>
      <TextField
        id={form.idFor('place')}
        label="Waar"
        description="Dit staat ook in uw agenda in Outlook (de agenda-feed). Schrijf er geen naam in, bijvoorbeeld alleen de straat of “Kantoor Zuilen”."
        value={values.place}
        onChange={set('place')}
        error={form.errorFor('place')}
        required={needsPlace}
        optional={!needsPlace}
        maxLength={maxLengthOf(appointmentFields, 'place')}
      />
      <TextField
        id={form.idFor('withWhom')}
        label="Met wie"
        description="Bijvoorbeeld “Mevrouw en haar dochter”. Dit staat niet in de agenda-feed."
        value={values.withWhom}
        onChange={set('withWhom')}
        error={form.errorFor('withWhom')}
        optional
        maxLength={maxLengthOf(appointmentFields, 'withWhom')}
      />
      <TextareaField id={form.idFor('note')} label="Notitie" description="Niet in de agenda-feed." value={values.note} onChange={set('note')} rows={3} error={form.errorFor('note')} optional maxLength={maxLengthOf(appointmentFields, 'note')} />
      <SelectField
        id={form.idFor('workerId')}
        label="In wiens agenda"
        description={workers.isPending ? 'De collega’s worden geladen…' : 'Uzelf of een collega uit het team van de casus.'}
        options={[{ value: me.id, label: `Mijzelf (${me.name})` }, ...colleagues]}
        placeholder={null}
        value={values.workerId}
        onChange={set('workerId')}
        error={form.errorFor('workerId')}
        required
      />
      <FormActions submitLabel="Afspraak opslaan" busy={busy} onCancel={onCancel} />
    </form>
  );
}
