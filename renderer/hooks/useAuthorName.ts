// The name this participant signs new cards with and is shown to the others in a
// session, remembered on this device.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'werkstatt.authorName';

export function readParticipantName(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function useAuthorName(): [string, (name: string) => void] {
  const [name, setName] = useState(readParticipantName);
  const update = useCallback((next: string) => {
    setName(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused (private window): the name lasts for this session.
    }
  }, []);
  return [name, update];
}
