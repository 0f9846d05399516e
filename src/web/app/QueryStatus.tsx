// Loading and failure states of a screen's data, in Dutch.
import type { ReactNode } from 'react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from './api';

export function Loading({ what = 'gegevens' }: { what?: string }) {
  return (
    <Paragraph role="status" className="kt-loading">
      Bezig met laden van {what}…
    </Paragraph>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'U heeft geen toegang tot deze gegevens. Vraagt u zich af waarom? Neem contact op met uw teamleider.';
    if (error.status === 404) return 'Deze gegevens bestaan niet (meer), of u heeft er geen toegang toe.';
    return error.message;
  }
  return 'Er ging iets mis bij het laden. Probeer het opnieuw.';
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{errorMessage(error)}</Paragraph>
      {onRetry && status !== 403 && status !== 404 && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          Opnieuw proberen
        </Button>
      )}
    </Alert>
  );
}

/** Renders children when the query has data, otherwise a loading or error state. */
export function QueryStatus<T>({ query, what, children }: { query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }; what?: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading what={what} />;
  if (query.error || query.data === undefined) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
