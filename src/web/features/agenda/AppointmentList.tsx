// Appointments grouped per day (a list, not a calendar grid: it reads the same at 390 px and to a
// screen reader): the times, the kind, the case, where and with whom, and the status in words. The
// actions: "Heeft plaatsgevonden → journaalregel" in one click (once the appointment has begun), then
// a confirmation with a link to the entry; "Afzeggen" after a confirmation. Focus stays in place:
// on the message that says what happened.
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_STATUS_LABELS } from '../../../server/modules/appointments/appointment-rules';
import { formatDateWithWeekday } from '../../app/format';
import { useMe } from '../../app/auth';
import { RouterLink } from '../../app/links';
import { useCancelAppointment, useTookPlace, type Appointment } from './api';

export interface AppointmentListProps {
  appointments: Appointment[];
  /** The list's name for screen readers, e.g. "Afspraken deze week". */
  label: string;
  empty: string;
  /** Leave out the case link (on the case page itself). */
  withCase?: boolean;
  /** Show whose agenda it is in, also for one's own. */
  withWorker?: boolean;
  /** Whether the page allows changes at all (a case the user only reads). */
  mayWrite?: boolean;
  /** Days as headings (a week view); off for a short list under its own heading. */
  headingLevel?: 3 | 4;
}

/** The appointments per Dutch calendar day, in the order given. */
export function byDay(appointments: Appointment[]): [string, Appointment[]][] {
  const days = new Map<string, Appointment[]>();
  for (const a of appointments) days.set(a.date, [...(days.get(a.date) ?? []), a]);
  return [...days.entries()];
}

type Message = { text: string; link?: { to: string; label: string } };

export function AppointmentList({ appointments, label, empty, withCase = true, withWorker = false, mayWrite = true, headingLevel = 3 }: AppointmentListProps) {
  const tookPlace = useTookPlace();
  const cancel = useCancelAppointment();
  const [message, setMessage] = useState<Message | null>(null);
  const [error, setError] = useState<string | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const focusMessage = useRef(false);
  useEffect(() => {
    if (focusMessage.current) messageRef.current?.focus();
    focusMessage.current = false;
  }, [message]);

  async function markTookPlace(a: Appointment) {
    setError(null);
    try {
      await tookPlace.mutateAsync({ appointment: a });
      focusMessage.current = true;
      setMessage({ text: `De afspraak van ${formatDateWithWeekday(a.date)} om ${a.startTime} staat nu als journaalregel in het contactjournaal.`, link: { to: `/casussen/${a.caseId}#journaal`, label: 'Naar de journaalregel' } });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Er is geen journaalregel gemaakt. Probeer het opnieuw.');
    }
  }

  async function cancelOne(a: Appointment) {
    setError(null);
    try {
      await cancel.mutateAsync(a);
      focusMessage.current = true;
      setMessage({ text: `De afspraak van ${formatDateWithWeekday(a.date)} om ${a.startTime} is afgezegd.` });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'De afspraak is niet afgezegd. Probeer het opnieuw.');
    }
  }

  const DayHeading = headingLevel === 3 ? Heading3 : 'h4';
  return (
    <>
      <div role="status" className="kt-appointments__status">
        {message && (
          <Paragraph ref={messageRef} tabIndex={-1} className="kt-appointments__message">
            {message.text} {message.link && <RouterLink to={message.link.to}>{message.link.label}</RouterLink>}
          </Paragraph>
        )}
      </div>
      {error && (
        <Paragraph role="alert" className="kt-appointments__error">
          {error}
        </Paragraph>
      )}
      {appointments.length === 0 ? (
        <Paragraph className="kt-muted">{empty}</Paragraph>
      ) : (
        <div className="kt-agenda-days" aria-label={label} role="group">
          {byDay(appointments).map(([day, items]) => (
            <section key={day} className="kt-agenda-day" aria-labelledby={`dag-${label.replace(/\W+/g, '-')}-${day}`}>
              <DayHeading id={`dag-${label.replace(/\W+/g, '-')}-${day}`} className="kt-agenda-day__heading">
                {formatDateWithWeekday(day)}
              </DayHeading>
              <ul className="kt-appointment-list">
                {items.map((a) => (
                  <AppointmentItem
                    key={a.id}
                    appointment={a}
                    withCase={withCase}
                    withWorker={withWorker}
                    mayWrite={mayWrite && a.mayWrite}
                    busy={(tookPlace.isPending && tookPlace.variables?.appointment.id === a.id) || (cancel.isPending && cancel.variables?.id === a.id)}
                    onTookPlace={() => void markTookPlace(a)}
                    onCancel={() => void cancelOne(a)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function AppointmentItem({ appointment: a, withCase, withWorker, mayWrite, busy, onTookPlace, onCancel }: { appointment: Appointment; withCase: boolean; withWorker: boolean; mayWrite: boolean; busy: boolean; onTookPlace: () => void; onCancel: () => void }) {
  const me = useMe();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  const kind = APPOINTMENT_KIND_LABELS[a.kind];
  const what = `${kind} ${a.startTime}–${a.endTime}`;
  const begun = Date.parse(a.startsAt) <= Date.now();
  const classes = ['kt-appointment', `kt-appointment--${a.status}`].join(' ');
  return (
    <li className={classes}>
      <div className="kt-appointment__main">
        <p className="kt-appointment__title">
          <span className="kt-appointment__time">
            {a.startTime}–{a.endTime}
          </span>{' '}
          {kind}
          {a.status !== 'gepland' && <strong className="kt-appointment__status"> · {APPOINTMENT_STATUS_LABELS[a.status]}</strong>}
        </p>
        <p className="kt-appointment__facts">
          {withCase && (
            <span>
              <RouterLink to={`/casussen/${a.caseId}`}>{a.clientName ? `Casus van ${a.clientName}` : a.caseReference}</RouterLink>
            </span>
          )}
          {a.place && <span>Waar: {a.place}</span>}
          {a.withWhom && <span>Met: {a.withWhom}</span>}
          {(withWorker || a.worker.id !== me.id) && <span>Agenda van {a.worker.id === me.id ? 'uzelf' : a.worker.name}</span>}
          {a.contactId && (
            <span>
              <RouterLink to={`/casussen/${a.caseId}#journaal`}>In het journaal</RouterLink>
            </span>
          )}
        </p>
        {a.note && <p className="kt-appointment__note">{a.note}</p>}
      </div>
      {mayWrite && a.status === 'gepland' && (
        <div className="kt-appointment__actions">
          {confirming ? (
            <div role="group" aria-label={`Afzeggen bevestigen: ${what}`} className="kt-appointment__confirm">
              <Paragraph>Wilt u deze afspraak afzeggen? Dit kunt u niet ongedaan maken.</Paragraph>
              <ButtonGroup>
                <Button ref={yesRef} type="button" appearance="primary-action-button" busy={busy} disabled={busy} onClick={onCancel}>
                  Ja, afzeggen
                </Button>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  onClick={() => {
                    setConfirming(false);
                    requestAnimationFrame(() => cancelRef.current?.focus());
                  }}
                >
                  Nee, laten staan
                </Button>
              </ButtonGroup>
            </div>
          ) : (
            <ButtonGroup>
              {begun && (
                <Button type="button" appearance="secondary-action-button" busy={busy} disabled={busy} aria-label={`Heeft plaatsgevonden, maak een journaalregel: ${what}`} onClick={onTookPlace}>
                  Heeft plaatsgevonden → journaalregel
                </Button>
              )}
              <Button ref={cancelRef} type="button" appearance="subtle-button" disabled={busy} aria-label={`Afzeggen: ${what}`} onClick={() => setConfirming(true)}>
                Afzeggen
              </Button>
            </ButtonGroup>
          )}
        </div>
      )}
    </li>
  );
}
