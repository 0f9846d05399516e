// The button that opens the task form, and the form. Focus goes into the form when it opens and
// back to this button when it closes (saved or cancelled); `aria-expanded` says which.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { TaskForm } from './TaskForm';

export function NewTask({ formId, caseId, label = 'Nieuwe taak' }: { formId: string; caseId: string | null; label?: string }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [open]);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  const headingId = `${formId}-heading`;
  return (
    <div className="kt-new-task">
      <div role="status">{saved && !open && <Paragraph className="kt-new-task__saved">{saved}</Paragraph>}</div>
      <ButtonGroup>
        <Button
          ref={toggle}
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls={open ? `${formId}-panel` : undefined}
          onClick={() => {
            setSaved(null);
            if (open) close();
            else setOpen(true);
          }}
        >
          {label}
        </Button>
      </ButtonGroup>
      {open && (
        <div id={`${formId}-panel`} className="kt-subsection" role="group" aria-labelledby={headingId}>
          <Heading3 id={headingId}>{label}</Heading3>
          <TaskForm
            formId={formId}
            caseId={caseId}
            onSaved={(task) => {
              setSaved(task.createdBy.id !== task.assignee.id ? `De taak staat klaar voor ${task.assignee.name}. Die krijgt er een bericht over.` : 'De taak staat in uw lijst.');
              close();
            }}
            onCancel={close}
          />
        </div>
      )}
    </div>
  );
}
