// Downloads of the client's whole file for an access request (inzageverzoek): PDF and JSON. The PDF
// of a long file takes a while to make and is made one at a time per user: the page says it is being
// made, and shows the server's message when it cannot be made now.
import { useState } from 'react';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../app/api';
import { clientFileUrl, fetchClientFilePdf, saveFile } from './api';

type PdfState = { kind: 'idle' } | { kind: 'making' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

export function ClientFileDownloads({ clientId, name }: { clientId: string; name: string }) {
  const [pdf, setPdf] = useState<PdfState>({ kind: 'idle' });
  const link = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';
  const making = pdf.kind === 'making';

  async function downloadPdf() {
    // Not `disabled` while making: the button keeps the keyboard focus.
    if (making) return;
    setPdf({ kind: 'making' });
    try {
      const { blob, fileName } = await fetchClientFilePdf(clientId);
      saveFile(blob, fileName);
      setPdf({ kind: 'done', fileName });
    } catch (error) {
      setPdf({ kind: 'failed', message: error instanceof ApiError ? error.message : 'De pdf kon niet worden gemaakt. Probeer het opnieuw.' });
    }
  }

  return (
    <section aria-labelledby="dossier-title" className="kt-section">
      <Heading2 id="dossier-title">Dossier voor inzage</Heading2>
      <Paragraph>
        Vraagt {name} om inzage of een kopie van het dossier? Download alle gegevens die u van deze cliënt mag zien, met het overzicht van wie het dossier inzag. De pdf is om te lezen; het gegevensbestand (JSON) is om in een ander systeem in te lezen. Het downloaden wordt vastgelegd.
      </Paragraph>
      <div className="kt-row">
        <Button type="button" appearance="secondary-action-button" aria-disabled={making} busy={making} onClick={() => void downloadPdf()}>
          Dossier downloaden (PDF)
        </Button>
        <a href={clientFileUrl(clientId, 'json')} download className={link}>
          Dossier downloaden als gegevensbestand
        </a>
      </div>
      <Paragraph role="status">
        {pdf.kind === 'making' && 'De pdf wordt gemaakt. Bij een groot dossier kan dat een minuut duren. U kunt intussen op deze pagina blijven werken.'}
        {pdf.kind === 'done' && `De pdf is klaar en gedownload (${pdf.fileName}).`}
      </Paragraph>
      {pdf.kind === 'failed' && (
        <Alert type="error" role="alert">
          <Paragraph>{pdf.message}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
