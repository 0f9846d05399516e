// Who is logged in: the session user (GET /api/auth/me), login and logout, and the CSRF token.
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../server/modules/auth/auth.schemas';
import type { Permission } from '../../server/access/permissions';
import { ApiError, apiRequest, setCsrfToken, setUnauthenticatedHandler } from './api';

export type { Me };

interface AuthValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);
const ME_KEY = ['auth', 'me'] as const;

/** After the user logs out on purpose, the next login starts fresh instead of returning to the last screen. */
let loggedOutOnPurpose = false;
export function returnAfterLogin(): boolean {
  return !loggedOutOnPurpose;
}

/** Forget every other user's data on login and logout; the session query itself stays observed. */
function removeOtherQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('GET', '/api/auth/me', undefined, { skipAuthRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const me = meQuery.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await apiRequest<Me>('POST', '/api/auth/login', { email, password }, { skipAuthRedirect: true });
      setCsrfToken(result.csrfToken);
      loggedOutOnPurpose = false;
      removeOtherQueries(queryClient);
      queryClient.setQueryData(ME_KEY, result);
      return result;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    loggedOutOnPurpose = true;
    try {
      await apiRequest<null>('POST', '/api/auth/logout', {}, { skipAuthRedirect: true });
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
    }),
    [me, meQuery.isPending, meQuery.error, login, logout],
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

/** Where each role starts: case workers on their own work, the others on the figures. */
export function startPath(me: Me): string {
  if (me.permissions.includes('cases:read') && me.team) return '/mijn-dag';
  if (me.permissions.includes('emergency:review')) return '/kwaliteit/noodtoegang';
  if (me.permissions.includes('figures:read')) return '/cijfers';
  return '/geen-toegang';
}
