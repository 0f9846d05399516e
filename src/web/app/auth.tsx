// Who is logged in: the session user (GET /api/v1/auth/me), login and logout, and the CSRF token.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { SESSION_EXPIRED_MESSAGE, type Me } from '../../server/modules/auth/auth.schemas';
import type { Permission } from '../../server/access/permissions';
import { ApiError, apiRequest, setCsrfToken, setUnauthenticatedHandler } from './api';
import { queryKeys } from './query-keys';
import { forgetDrafts } from './use-draft';

export type { Me };

interface AuthValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
  /** The session ended without a logout (idle too long, or expired): the login page says so. */
  sessionExpired: boolean;
}

const AuthContext = createContext<AuthValue | null>(null);
const ME_KEY = queryKeys.auth.me;

/** After the user logs out on purpose, the next login starts fresh instead of returning to the last screen. */
let loggedOutOnPurpose = false;
export function returnAfterLogin(): boolean {
  return !loggedOutOnPurpose;
}

/** Forget every other user's data on login and logout; the session query itself stays observed. */
function removeOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.auth.all[0] });
}

async function fetchMe(onExpired: () => void): Promise<Me | null> {
  try {
    return await apiRequest<Me>('GET', '/api/v1/auth/me', undefined, { skipAuthRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // A reload after a long pause: the cookie's session has ended on the server.
      if (error.message === SESSION_EXPIRED_MESSAGE) onExpired();
      return null;
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [sessionExpired, setSessionExpired] = useState(false);
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: () => fetchMe(() => setSessionExpired(true)), staleTime: Infinity, retry: 1 });
  const me = meQuery.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  useEffect(() => {
    // Only screens behind the login make requests that can end here: the session they had has ended.
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setSessionExpired(true);
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await apiRequest<Me>('POST', '/api/v1/auth/login', { email, password }, { skipAuthRedirect: true });
      setCsrfToken(result.csrfToken);
      setSessionExpired(false);
      loggedOutOnPurpose = false;
      removeOtherQueries(queryClient);
      queryClient.setQueryData(ME_KEY, result);
      return result;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    loggedOutOnPurpose = true;
    // A logout on purpose takes the kept drafts along (an ended session keeps them: use-draft.ts).
    forgetDrafts();
    setSessionExpired(false);
    try {
      await apiRequest<null>('POST', '/api/v1/auth/logout', {}, { skipAuthRedirect: true });
    } finally {
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
      removeOtherQueries(queryClient);
    }
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: meQuery.isPending,
      error: meQuery.error,
      login,
      logout,
      can: (permission) => !!me && me.permissions.includes(permission),
      sessionExpired,
    }),
    [me, meQuery.isPending, meQuery.error, login, logout, sessionExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The logged-in user; only for screens behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** Where each role starts: nav/navigation.ts, beside the menu it opens. */
export { startPath } from './nav/navigation';
