// A new task: what is to be done (with a character counter), a note, the day it must be done (today
// or later) and for whom (oneself or a colleague of one's team). Focus goes to the first field when
// the form opens; the caller puts it back on its button when the form closes.
import { useEffect, useState } from 'react';
import { dueDateProblem } from '../../../server/modules/tasks/task-rules';
import { taskFields } from '../../../server/modules/tasks/tasks.schemas';
import { useMe } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useWorkers } from '../cases/api';
import { useCreateTask, type Task, type TaskFields } from './api';
import { maxLengthOf } from '../../app/form-limits';

export function TaskForm({ formId, caseId, onSaved, onCancel }: { formId: string; caseId: string | null; onSaved: (task: Task) => void; onCancel: () => void }) {
  const me = useMe();
  const form = useFormErrors(formId);
  const create = useCreateTask(caseId);
  const workers = useWorkers(me.team?.id);
  const [values, setValues] = useState({ title: '', description: '', dueOn: today(), assigneeId: me.id });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const titleId = form.idFor('title');
  // Into the form as it opens (once: not again after an error, when the summary takes focus).
  useEffect(() => {
    document.getElementById(titleId)?.focus();
  }, [titleId]);

  const { submit, busy } = useFormSubmit<TaskFields, Task>(form, {
    values: { title: values.title, description: values.description, dueOn: values.dueOn, assigneeId: values.assigneeId },
    schema: taskFields,
    check: (v) => {
      const problem = v.dueOn ? dueDateProblem(v.dueOn, today()) : null;
      return problem ? [{ path: 'dueOn', message: problem }] : [];
    },
    send: (v) => create.mutateAsync(v),
    onSuccess: onSaved,
  });

  const colleagues = (workers.data ?? []).filter((w) => w.id !== me.id).map((w) => ({ value: w.id, label: w.name }));
  const descriptionId = form.idFor('description');
  return (
    <form noValidate onSubmit={submit} className="kt-form kt-task-form" aria-label={caseId ? 'Nieuwe taak bij deze casus' : 'Nieuwe taak'}>
      <ErrorSummary form={form} />
      <TextField id={titleId} label="Wat moet er gebeuren" description="Kort en duidelijk." value={values.title} onChange={set('title')} error={form.errorFor('title')} autoComplete="off" required maxLength={maxLengthOf(taskFields, 'title')} />
      <TextareaField id={descriptionId} label="Toelichting" value={values.description} onChange={set('description')} rows={3} error={form.errorFor('description')} optional maxLength={maxLengthOf(taskFields, 'description')} />
      <TextField id={form.idFor('dueOn')} label="Klaar op" description="Vandaag of een latere dag." type="date" size="m" value={values.dueOn} onChange={set('dueOn')} error={form.errorFor('dueOn')} min={today()} required />
      <SelectField
        id={form.idFor('assigneeId')}
        label="Voor wie"
        description={workers.isPending ? 'De collega’s worden geladen…' : 'Uzelf of een collega uit uw team. Een collega krijgt er een bericht over.'}
        options={[{ value: me.id, label: `Mijzelf (${me.name})` }, ...colleagues]}
        placeholder={null}
        value={values.assigneeId}
        onChange={set('assigneeId')}
        error={form.errorFor('assigneeId')}
        required
      />
      <FormActions submitLabel="Taak opslaan" busy={busy} onCancel={onCancel} />
    </form>
  );
}
