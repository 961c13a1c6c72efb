// This device's participant id: generated once, kept in localStorage, the same for
// every workshop on this device (docs/facilitation.md). The display name is the
// author name the board already remembers (useAuthorName).
import { newId } from '../../../shared/model/ids';
import { PARTICIPANT_ID_PATTERN } from '../../../shared/facilitation/values';

const STORAGE_KEY = 'werkstatt.participantId';
let fallback: string | null = null;

export function readParticipantId(): string {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && PARTICIPANT_ID_PATTERN.test(stored)) return stored;
    const id = newId();
    localStorage.setItem(STORAGE_KEY, id);
    return id;
  } catch {
    // Storage refused (private window): one id for as long as this page lives.
    fallback ??= newId();
    return fallback;
  }
}
