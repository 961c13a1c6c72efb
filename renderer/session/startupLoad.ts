// The workshop the app starts on (a board link, a reload) is loaded from the local
// database by the page's first script, while the rest of the app is still being
// fetched, compiled and started, rather than after the first render: reading and
// loading a 2,000-card workshop takes a few hundred milliseconds on a slow machine
// (docs/benchmarks.md, cold start). The read starts before even Yjs has been
// loaded; the document is loaded as soon as Yjs is there. The load is used once,
// by the workshop screen that opens that workshop first; a later open, or one after
// the route changed, loads again, since the workshop may have changed meanwhile.
import { readWorkshopDirectly } from '../persistence/directRead';
import { DATABASE_NAME } from '../persistence/dbSchema';
import type { LoadedWorkshop } from '../persistence/storedWorkshop';

/** Null: the workshop could not be read ahead (no database yet, say): load it as usual. */
export type LoadAhead = Promise<LoadedWorkshop | null>;

let loadAhead: { readonly id: string; readonly loading: LoadAhead } | null = null;

/** `page`: where route changes are announced (hashchange); the window. */
export function startLoadingWorkshop(
  id: string,
  page: Pick<EventTarget, 'addEventListener'> = window,
  databaseName: string = DATABASE_NAME,
): void {
  const loading = Promise.all([
    readWorkshopDirectly(id, databaseName),
    import('../persistence/storedWorkshop'),
  ])
    .then(([read, { loadWorkshopDoc }]) => (read ? loadWorkshopDoc(read.row, read.updates) : null))
    // A load ahead that fails is as good as none: the workshop is then loaded as usual.
    .catch(() => null);
  loadAhead = { id, loading };
  page.addEventListener('hashchange', () => (loadAhead = null), { once: true });
}

/** The load started for `id`, once; undefined when there is none (load it now). */
export function takeWorkshopLoad(id: string): LoadAhead | undefined {
  const taken = loadAhead?.id === id ? loadAhead.loading : undefined;
  loadAhead = null;
  return taken;
}
