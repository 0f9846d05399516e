// Route guards: a session for everything behind the login, a permission per screen.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../server/access/permissions';
import { returnAfterLogin, useAuth } from './auth';
import { LoadError, Loading } from './QueryStatus';
import { MessagePage } from './MessagePage';
import { SessionTimeout } from './SessionTimeout';

export function RequireSession() {
  const { me, loading, error } = useAuth();
  const location = useLocation();
  if (loading) return <Loading what="uw sessie" />;
  if (error) return <LoadError error={error} />;
  if (!me) return <Navigate to="/inloggen" replace state={returnAfterLogin() ? { from: location.pathname + location.search } : null} />;
  return (
    <>
      <Outlet />
      <SessionTimeout />
    </>
  );
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) {
    return <MessagePage title="Geen toegang" message="U heeft met uw rol geen toegang tot dit scherm. Kies een ander onderdeel in het menu." />;
  }
  return <>{children}</>;
}
