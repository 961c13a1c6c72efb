// Makes the open workshop available to the hooks below the workshop screen.
import { createContext, useContext } from 'react';
import type { WorkshopSession } from '../session/workshopSession';

export const SessionContext = createContext<WorkshopSession | null>(null);

export function useSession(): WorkshopSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an open workshop');
  return session;
}
