// Ondersteuning starten: first meeting → running.
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../app/api';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

export function StartSupportButton({ detail, onDone }: { detail: CaseDetail; onDone?: () => void }) {
  const action = useCaseAction(detail.id, 'start');
  const reload = useReloadCase(detail.id);
  const conflict = action.error instanceof ApiError && action.error.status === 409;
  return (
    <>
      {action.isError && (
        <Alert type="error" role="alert">
          <Paragraph>{action.error.message}</Paragraph>
          {conflict && (
            <Button appearance="secondary-action-button" type="button" onClick={() => void reload().then(() => action.reset())}>
              Nieuwste gegevens laden
            </Button>
          )}
        </Alert>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" busy={action.isPending} disabled={action.isPending} onClick={() => action.mutate({ version: detail.version }, { onSuccess: () => onDone?.() })}>
          Ondersteuning starten
        </Button>
      </ButtonGroup>
    </>
  );
}
