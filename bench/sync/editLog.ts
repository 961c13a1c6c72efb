// The edits the latency benchmarks make: each is one card-sized entry in a Y.Map that
// carries the time its author made it (on the shared clock, clock.ts), so that whoever
// receives it can tell how long it took without asking anybody.
import * as Y from 'yjs';
import { nowMs } from './clock';

const EDITS_MAP = 'syncBench';
/** About the length of a card on the demo board. */
const EDIT_TEXT = 'Glasfaser für das Gewerbegebiet Nord: Förderantrag bis Ende des Quartals';

interface EditPayload {
  readonly seq: number;
  readonly author: string;
  readonly sentAtMs: number;
  readonly text: string;
}

export function makeEdit(doc: Y.Doc, seq: number, author: string): void {
  const payload: EditPayload = { seq, author, sentAtMs: nowMs(), text: EDIT_TEXT };
  doc.getMap(EDITS_MAP).set(String(seq), payload);
}

/** Calls `listener` for every edit that arrives from elsewhere, with its latency. */
export function observeRemoteEdits(
  doc: Y.Doc,
  listener: (seq: number, latencyMs: number) => void,
): void {
  const edits = doc.getMap<EditPayload>(EDITS_MAP);
  edits.observe((event) => {
    const receivedAtMs = nowMs();
    if (event.transaction.local) return;
    for (const key of event.keysChanged) {
      const edit = edits.get(key);
      if (edit) listener(edit.seq, receivedAtMs - edit.sentAtMs);
    }
  });
}

/** How many benchmark edits a replica holds (the relay's must stay empty in the p2p run). */
export function editCount(doc: Y.Doc): number {
  return doc.getMap(EDITS_MAP).size;
}
