// The button that opens the task form, and the form, through the one inline-form helper
// (use-disclosure.ts: focus into the form on open, back to its button on close, `aria-expanded`).
// On the case page the header's action "Nieuwe taak" is the button: it passes its `form`, and no
// second button is drawn here.
import { useState } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useDisclosure, type Disclosure } from '../../app/use-disclosure';
import { TaskForm } from './TaskForm';

export function NewTask({ formId, caseId, label = 'Nieuwe taak', form }: { formId: string; caseId: string | null; label?: string; form?: Disclosure }) {
  const own = useDisclosure(formId);
  const disclosure = form ?? own;
  const [saved, setSaved] = useState<string | null>(null);
  const headingId = `${formId}-heading`;
  return (
    <div className="kt-new-task">
      <div role="status">{saved && !disclosure.open && <Paragraph className="kt-new-task__saved">{saved}</Paragraph>}</div>
      {!form && (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            {...own.buttonProps}
            onClick={() => {
              setSaved(null);
              own.toggle();
            }}
          >
            {label}
          </Button>
        </ButtonGroup>
      )}
      {disclosure.open && (
        <div {...disclosure.panelProps} className="kt-subsection" role="group" aria-labelledby={headingId}>
          <Heading3 id={headingId}>{label}</Heading3>
          <TaskForm
            formId={formId}
            caseId={caseId}
            onSaved={(task) => {
              setSaved(task.createdBy.id !== task.assignee.id ? `De taak staat klaar voor ${task.assignee.name}. Die krijgt er een bericht over.` : 'De taak staat in uw lijst.');
              disclosure.hide();
            }}
            onCancel={() => disclosure.hide()}
          />
        </div>
      )}
    </div>
  );
}
