// Opens a workshop for the workshop screen and closes it (flushing) on leave.
import { useEffect, useState } from 'react';
import { db } from '../app/database';
import { readParticipantName } from './useAuthorName';
import {
  openWorkshopSession,
  WorkshopNotFoundError,
  WorkshopTooNewError,
  type WorkshopSession,
} from '../session/workshopSession';
import { takeWorkshopLoad } from '../session/startupLoad';

export type OpenState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly session: WorkshopSession }
  | { readonly status: 'notFound' }
  | { readonly status: 'tooNew' }
  | { readonly status: 'failed'; readonly message: string };

export function useOpenWorkshop(id: string): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: WorkshopSession | null = null;
    setState({ status: 'loading' });
    openWorkshopSession(db, id, readParticipantName(), takeWorkshopLoad(id)).then(
      (session) => {
        if (cancelled) {
          void session.close();
          return;
        }
        opened = session;
        setState({ status: 'ready', session });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof WorkshopNotFoundError) setState({ status: 'notFound' });
        else if (error instanceof WorkshopTooNewError) setState({ status: 'tooNew' });
        else setState({ status: 'failed', message: String(error) });
      },
    );
    return () => {
      cancelled = true;
      if (opened) void opened.close();
    };
  }, [id]);
  return state;
}
