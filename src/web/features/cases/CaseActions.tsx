// "Wat wilt u doen?": the steps the status allows. The next step of the status is in view (the
// first meeting's form, the start of support, the reopen); the other changes open one at a time
// on demand. Every outcome is said in a status line; focus goes back to the button that opened a
// form, or to the heading when the step made its button go away.
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { canRecordFirstMeeting, canStartSupport } from '../../../server/modules/cases/case-rules';
import { useDisclosure, type Disclosure } from '../../app/use-disclosure';
import { confirmDiscardChanges, useEditedWithin } from '../../app/use-unsaved-changes';
import type { CaseDetail } from './api';
import { CloseCaseForm } from './CloseCaseForm';
import { FirstMeetingForm } from './FirstMeetingForm';
import { LeadWorkerForm } from './LeadWorkerForm';
import { ReopenForm } from './ReopenForm';
import { StartSupportButton } from './StartSupportButton';
import { TransferForm } from './TransferForm';

export function CaseActions({ detail }: { detail: CaseDetail }) {
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const edits = useEditedWithin();
  const canClose = () => !edits.edited || confirmDiscardChanges();
  const meeting = useDisclosure('kennismaking-wijzigen', { canClose });
  const lead = useDisclosure('regisseur-wijzigen', { canClose });
  const transfer = useDisclosure('overdragen', { canClose });
  const close = useDisclosure('afsluiten', { canClose });
  const panels = [meeting, lead, transfer, close];
  const closed = detail.status === 'closed';

  /** One form at a time: opening one closes the other (after asking, when text was typed in it). */
  const toggle = (panel: Disclosure) => {
    setMessage(null);
    const other = panels.find((p) => p !== panel && p.open);
    if (other) {
      if (!canClose()) return;
      edits.reset();
      other.hide({ returnFocus: false });
    }
    panel.toggle();
  };
  /** A form closed: saved (with what to say) or cancelled. */
  const finish = (panel: Disclosure, said?: string) => {
    edits.reset();
    setMessage(said ?? null);
    panel.hide();
  };
  /** A step that made its own button go away: say so and put focus on the heading. */
  const stepDone = (said: string) => {
    edits.reset();
    setMessage(said);
    for (const panel of panels) if (panel.open) panel.hide({ returnFocus: false });
    heading.current?.focus();
  };

  const toggleButton = (panel: Disclosure, label: string) => (
    <Button type="button" appearance="secondary-action-button" {...panel.buttonProps} onClick={() => toggle(panel)}>
      {label}
    </Button>
  );

  return (
    <section aria-labelledby="acties-title" className="kt-subsection kt-actions">
      <Heading3 id="acties-title" ref={heading} tabIndex={-1} className="kt-focus-heading">
        Wat wilt u doen?
      </Heading3>
      <Paragraph role="status">{message}</Paragraph>
      {closed ? (
        <>
          <Paragraph>Deze casus is afgesloten. Heropen hem als de ondersteuning weer nodig is.</Paragraph>
          <ReopenForm detail={detail} onDone={() => stepDone('De casus is heropend.')} />
        </>
      ) : (
        <>
          {detail.status === 'registered' && (
            <>
              <Paragraph>Leg de kennismaking vast zodra die heeft plaatsgevonden. De norm is binnen 5 dagen na de aanmelding.</Paragraph>
              <FirstMeetingForm detail={detail} onDone={() => stepDone('De kennismaking is vastgelegd. U kunt nu de ondersteuning starten.')} />
            </>
          )}
          {canStartSupport(detail.status) && <StartSupportButton detail={detail} onDone={() => stepDone('De ondersteuning is gestart.')} />}
          <ButtonGroup className="kt-action-toggles">
            {detail.status !== 'registered' && canRecordFirstMeeting(detail.status) && toggleButton(meeting, 'Kennismaking wijzigen')}
            {toggleButton(lead, 'Regisseur wijzigen')}
            {toggleButton(transfer, 'Overdragen')}
            {toggleButton(close, 'Afsluiten')}
          </ButtonGroup>
          {meeting.open && (
            <div {...meeting.panelProps} {...edits.trackProps} className="kt-panel">
              <FirstMeetingForm detail={detail} onDone={() => finish(meeting, 'De kennismaking is gewijzigd.')} onCancel={() => finish(meeting)} />
            </div>
          )}
          {lead.open && (
            <div {...lead.panelProps} {...edits.trackProps} className="kt-panel">
              <LeadWorkerForm detail={detail} onDone={(name) => finish(lead, `De regisseur is nu ${name}.`)} onCancel={() => finish(lead)} />
            </div>
          )}
          {transfer.open && (
            <div {...transfer.panelProps} {...edits.trackProps} className="kt-panel">
              <TransferForm detail={detail} onDone={() => finish(transfer)} onTransferred={edits.reset} />
            </div>
          )}
          {close.open && (
            <div {...close.panelProps} {...edits.trackProps} className="kt-panel">
              <CloseCaseForm detail={detail} onDone={() => stepDone('De casus is afgesloten.')} onCancel={() => finish(close)} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
