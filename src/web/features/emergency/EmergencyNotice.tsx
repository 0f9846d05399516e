// The notice on a client or case opened through break-the-glass: read only, logged, until when.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';

export function EmergencyNotice({ until }: { until?: string }) {
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>Noodtoegang.</strong> U bekijkt dit dossier buiten uw team{until ? <> tot <DateText value={until} withTime /></> : null}. U kunt niets wijzigen. Alles wat
        u bekijkt wordt vastgelegd en beoordeeld.
      </Paragraph>
    </Alert>
  );
}
