// Downloads of the client's whole file for an access request (inzageverzoek): PDF and JSON.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { clientFileUrl } from './api';

export function ClientFileDownloads({ clientId, name }: { clientId: string; name: string }) {
  const link = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';
  return (
    <section aria-labelledby="dossier-title" className="kt-section">
      <Heading2 id="dossier-title">Dossier voor inzage</Heading2>
      <Paragraph>
        Vraagt {name} om inzage of een kopie van het dossier? Download alle gegevens die u van deze cliënt mag zien, met het overzicht van wie het dossier inzag. Het downloaden wordt vastgelegd.
      </Paragraph>
      <div className="kt-row">
        <a href={clientFileUrl(clientId, 'pdf')} download className={link}>
          Dossier downloaden (PDF)
        </a>
        <a href={clientFileUrl(clientId, 'json')} download className={link}>
          Dossier downloaden (JSON)
        </a>
      </div>
    </section>
  );
}
