// "Wijzigingen niet opgeslagen": asked before another part of the krachtplan opens, before
// "Annuleren" throws changes away and before a link leaves the page. An NL Design System
// AlertDialog on a native modal <dialog>: focus moves in and stays; Escape means "Verder bewerken".
import { useEffect, useRef } from 'react';
import { AlertDialog, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';

interface Props {
  /** What holds the changes, e.g. "het leefgebied Financiën"; null: the dialog is closed. */
  what: string | null;
  onStay: () => void;
  onDiscard: () => void;
}

export function LeaveDialog({ what, onStay, onDiscard }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (what !== null && !element.open) element.showModal();
    else if (what === null && element.open) element.close();
  }, [what]);
  return (
    <AlertDialog
      ref={dialog}
      type="warning"
      role="alertdialog"
      aria-labelledby="plan-verlaten-titel"
      aria-describedby="plan-verlaten-tekst"
      className="kt-leave-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <Heading2 id="plan-verlaten-titel">Wijzigingen niet opgeslagen</Heading2>
      <Paragraph id="plan-verlaten-tekst">U heeft {what ?? 'iets'} gewijzigd, maar nog niet opgeslagen. Als u verdergaat, raakt u deze wijzigingen kwijt.</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" onClick={onStay} autoFocus>
          Verder bewerken
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onDiscard}>
          Wijzigingen weggooien
        </Button>
      </ButtonGroup>
    </AlertDialog>
  );
}
