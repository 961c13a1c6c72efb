// Whether everything the user did is on disk, for the save indicator.
import { useSyncExternalStore } from 'react';
import type { SaveStatus } from '../persistence/updateLog';
import { useSession } from './sessionContext';

export function useSaveStatus(): SaveStatus {
  const { log } = useSession();
  return useSyncExternalStore(log.subscribe, log.getStatus);
}
