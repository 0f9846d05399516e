// The client's rights on the client page: the file for an access request and the access log.
import { useAuth } from '../../app/auth';
import { AccessLogSection } from './AccessLogSection';
import { ClientFileDownloads } from './ClientFileDownloads';

export function ClientRights({ clientId, name, mayReadAccessLog }: { clientId: string; name: string; mayReadAccessLog: boolean }) {
  const { can } = useAuth();
  return (
    <>
      {can('clients:read') && <ClientFileDownloads clientId={clientId} name={name} />}
      {/* Asked only when it may be read: the server logs a refused ask as a denied look. */}
      {mayReadAccessLog && <AccessLogSection clientId={clientId} name={name} />}
    </>
  );
}
