import { createContext, useContext } from 'react';
import type { Me, Org } from '../../api/types.ts';

export interface Session {
  me: Me;
  org: Org;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and their organisation; only inside the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}
