// The appointments of a case, for the case page (part "Afspraken"): the coming ones by day, the
// earlier ones folded away, and the new-appointment form that the case header's action opens.
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { APPOINTMENT_KIND_LABELS, caseReference } from '../../../server/modules/appointments/appointment-rules';
import { formatDateWithWeekday } from '../../app/format';
import { RouterLink } from '../../app/links';
import { QueryStatus } from '../../app/QueryStatus';
import type { Disclosure } from '../../app/use-disclosure';
import { useCaseAppointments, type Appointment } from './api';
import { AppointmentList } from './AppointmentList';
import { NewAppointment } from './NewAppointment';
import './agenda.css';

/** Coming: not yet ended, or ended today and still planned (to be marked as took place). */
export function splitComing(all: Appointment[], now = Date.now()): { coming: Appointment[]; earlier: Appointment[] } {
  const coming = all.filter((a) => Date.parse(a.endsAt) >= now || a.status === 'gepland');
  const earlier = all.filter((a) => !coming.includes(a)).reverse();
  return { coming, earlier };
}

export function CaseAppointments({ caseId, teamId, mayWrite, closed, form }: { caseId: string; teamId: string; mayWrite: boolean; closed: boolean; /** The case header's action "Nieuwe afspraak", which opens the form here. */ form: Disclosure }) {
  const appointments = useCaseAppointments(caseId);
  return (
    <section aria-labelledby="casus-afspraken-title" className="kt-section kt-appointments">
      <Heading2 id="casus-afspraken-title">Afspraken</Heading2>
      <Paragraph className="kt-muted">In de agenda-feed (Outlook) heet deze casus “{caseReference(caseId)}”. Namen staan daar niet in.</Paragraph>
      {mayWrite && !closed && <NewAppointment caseId={caseId} teamId={teamId} form={form} />}
      {mayWrite && closed && <Paragraph>De casus is afgesloten. Heropen de casus om een afspraak te maken.</Paragraph>}
      <QueryStatus query={appointments} what="de afspraken">
        {(all) => {
          const { coming, earlier } = splitComing(all);
          return (
            <>
              <AppointmentList appointments={coming} label="Komende afspraken van deze casus" empty="Er staan geen afspraken gepland." withCase={false} mayWrite={mayWrite} />
              {earlier.length > 0 && (
                <details className="kt-appointments__earlier">
                  <summary>Eerdere afspraken ({earlier.length})</summary>
                  <AppointmentList appointments={earlier} label="Eerdere afspraken van deze casus" empty="" withCase={false} mayWrite={mayWrite} />
                </details>
              )}
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}

/** For the Overzicht: the next few appointments, read only, with a link to the part Afspraken. */
export function UpcomingAppointments({ caseId }: { caseId: string }) {
  const appointments = useCaseAppointments(caseId);
  return (
    <section aria-labelledby="komende-afspraken-title" className="kt-subsection">
      <Heading3 id="komende-afspraken-title">Komende afspraken</Heading3>
      <QueryStatus query={appointments} what="de afspraken">
        {(all) => {
          const next = splitComing(all).coming.filter((a) => a.status === 'gepland').slice(0, 3);
          return next.length === 0 ? (
            <Paragraph>Er staan geen afspraken gepland.</Paragraph>
          ) : (
            <ul className="kt-upcoming">
              {next.map((a) => (
                <li key={a.id}>
                  <UpcomingText appointment={a} />
                </li>
              ))}
            </ul>
          );
        }}
      </QueryStatus>
    </section>
  );
}

function UpcomingText({ appointment: a }: { appointment: Appointment }) {
  return (
    <>
      <RouterLink to="#afspraken">
        {formatDateWithWeekday(a.date)}, {a.startTime}–{a.endTime}
      </RouterLink>
      : {APPOINTMENT_KIND_LABELS[a.kind]}
      {a.place ? `, ${a.place}` : ''} ({a.worker.name})
    </>
  );
}
