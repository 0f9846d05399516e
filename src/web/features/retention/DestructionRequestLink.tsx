// On the client's page, for kwaliteit (retention:manage): the way to record the client's request.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { RouterButtonLink } from '../../app/links';

export function DestructionRequestLink({ clientId }: { clientId: string }) {
  const { can } = useAuth();
  if (!can('retention:manage')) return null;
  return (
    <section aria-labelledby="vernietiging-title" className="kt-section">
      <Heading2 id="vernietiging-title">Vernietiging</Heading2>
      <Paragraph>Heeft de cliënt schriftelijk gevraagd om de gegevens te vernietigen? Leg het verzoek vast; het moet binnen 3 maanden zijn afgehandeld.</Paragraph>
      <RouterButtonLink to={`/bewaartermijn/verzoek/${encodeURIComponent(clientId)}`}>Verzoek tot vernietiging vastleggen</RouterButtonLink>
    </section>
  );
}
