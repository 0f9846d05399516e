// The form for a new appointment on the case, opened by the case header's action "Nieuwe afspraak"
// (through the one inline-form helper, use-disclosure.ts: focus into the form on open, back to the
// button on close, `aria-expanded`), with a short confirmation after saving.
import { useState } from 'react';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { formatDateWithWeekday } from '../../app/format';
import type { Disclosure } from '../../app/use-disclosure';
import { AppointmentForm } from './AppointmentForm';

export function NewAppointment({ caseId, teamId, form }: { caseId: string; teamId: string; form: Disclosure }) {
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="kt-new-appointment">
      <div role="status">{saved && !form.open && <Paragraph className="kt-new-appointment__saved">{saved}</Paragraph>}</div>
      {form.open && (
        <div {...form.panelProps} className="kt-subsection" role="group" aria-labelledby="afspraak-nieuw-title">
          <Heading3 id="afspraak-nieuw-title">Nieuwe afspraak</Heading3>
          <AppointmentForm
            formId="afspraak-nieuw"
            caseId={caseId}
            teamId={teamId}
            onSaved={(a) => {
              setSaved(`De afspraak op ${formatDateWithWeekday(a.date)} om ${a.startTime} staat in de agenda${a.worker.name ? ` van ${a.worker.name}` : ''}.`);
              form.hide();
            }}
            onCancel={() => form.hide()}
          />
        </div>
      )}
    </div>
  );
}
