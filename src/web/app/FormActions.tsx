// The one button row of a form: the submit button (busy and disabled while sending, its name
// unchanged), an optional cancel, and a short "Bezig met …" beside them, read out as it appears.
// The buttons wrap under each other on a narrow screen; they are plain buttons, so Tab, Enter and
// Space work as everywhere.
import { Button, ButtonGroup } from '@utrecht/component-library-react';

export interface FormActionsProps {
  /** What the submit button does, e.g. "Casus afsluiten". */
  submitLabel: string;
  busy: boolean;
  /** Shown beside the busy button; say what is happening ("Bezig met zoeken…"). */
  busyText?: string;
  /** Shows a cancel button after the submit button. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** Outside a `<form>` (a confirmation step): the submit button is a plain button that calls this. */
  onSubmit?: () => void;
  /** `secondary` for a small step on a page whose main action is elsewhere. */
  appearance?: 'primary' | 'secondary';
}

export function FormActions({ submitLabel, busy, busyText = 'Bezig met opslaan…', onCancel, cancelLabel = 'Annuleren', onSubmit, appearance = 'primary' }: FormActionsProps) {
  return (
    <div className="kt-form-actions">
      <ButtonGroup>
        <Button
          type={onSubmit ? 'button' : 'submit'}
          appearance={appearance === 'primary' ? 'primary-action-button' : 'secondary-action-button'}
          busy={busy}
          disabled={busy}
          onClick={onSubmit ? () => onSubmit() : undefined}
        >
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" appearance="subtle-button" onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
      </ButtonGroup>
      {/* Always in the page, so that screen readers hear the text when it appears. */}
      <span className="kt-form-actions__busy" aria-live="polite">
        {busy ? busyText : ''}
      </span>
    </div>
  );
}
