// Pieces the consent forms share: the submit and cancel buttons, and sending a checked body.
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { FormErrors } from '../../app/form-errors';

export function SubmitOrCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {label}
      </Button>
      <Button type="button" appearance="subtle-button" onClick={onCancel}>
        Annuleren
      </Button>
    </ButtonGroup>
  );
}

/** Runs the server call; a failure (400 with fields, 409, ...) goes into the form's error summary. */
export async function send(form: FormErrors, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    form.clear();
  } catch (error) {
    form.showApiError(error);
  }
}
