// The client's rights on the client page: the file for an access request and the access log.
import { useAuth } from '../../app/auth';
import { AccessLogSection } from './AccessLogSection';
import { ClientFileDownloads } from './ClientFileDownloads';

export function ClientRights({ clientId, name }: { clientId: string; name: string }) {
  const { can } = useAuth();
  return (
    <>
      {can('clients:read') && <ClientFileDownloads clientId={clientId} name={name} />}
      {can('accesslog:read') && <AccessLogSection clientId={clientId} name={name} />}
    </>
  );
}
