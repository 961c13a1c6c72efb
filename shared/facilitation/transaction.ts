// Every facilitation command is exactly one transaction tagged LOCAL_ORIGIN, like
// the commands in shared/model: undo tracks it, persistence batches it, and peers
// receive it as one update. A command that is not allowed runs no transaction at all.
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../schema/origin';

export function change<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}
