// The open workshop's link to the room, for the connection indicator, presence and
// the join flow. Components get plain values, never providers; a selector that
// returns a primitive re-renders its component only when that value changes
// (a card re-renders when its own editors change, not on every presence update).
import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../sync/sessionConnection';
import type { SessionLink } from '../sync/sessionLink';
import { useSession } from './sessionContext';

function useConnectionSelector<T>(select: (status: ConnectionStatus | null) => T): T {
  const session = useSession();
  const subscribe = useCallback(
    (onChange: () => void) => {
      let unsubscribeStatus = session.getConnection()?.subscribe(onChange);
      const unsubscribeLink = session.subscribeConnection(() => {
        unsubscribeStatus?.();
        unsubscribeStatus = session.getConnection()?.subscribe(onChange);
        onChange();
      });
      return () => {
        unsubscribeStatus?.();
        unsubscribeLink();
      };
    },
    [session],
  );
  return useSyncExternalStore(subscribe, () =>
    select(session.getConnection()?.getStatus() ?? null),
  );
}

const identity = (status: ConnectionStatus | null) => status;

/** null while the workshop is not linked to a session. */
export function useConnectionStatus(): ConnectionStatus | null {
  return useConnectionSelector(identity);
}

/** Names of the other people editing this card right now, joined for display. */
export function useCardEditors(cardId: string): string {
  return useConnectionSelector((status) =>
    (status?.participants ?? [])
      .filter((participant) => !participant.isSelf && participant.editing === cardId)
      .map((participant) => participant.name)
      .join(', '),
  );
}

export function useSessionActions() {
  const session = useSession();
  return {
    setEditing: (cardId: string | null) => session.getConnection()?.setEditing(cardId),
    connect: (link: SessionLink, name: string) => session.connect(link, name),
    disconnect: () => session.disconnect(),
  };
}
