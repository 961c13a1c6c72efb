// Runs inside Chromium on the app's own origin: stores a 2,000-card workshop in the app's
// IndexedDB exactly as the app stores a new workshop (one list row plus one update row,
// as `storeNewWorkshop` in renderer/persistence/workshops.ts writes them). Bundled and
// loaded by bench/ui/coldStart.ts.
import * as Y from 'yjs';
import { openDatabase } from '../../renderer/persistence/db';
import { listWorkshops } from '../../renderer/persistence/workshops';
import { newId } from '../../shared/model/ids';
import { readWorkshopInfo } from '../../shared/model/read';
import { collection } from '../../shared/schema/doc';
import { seedDemo } from '../../shared/demo/seedDemo';
import { scaledDemo } from '../scaledDemo';

async function seedWorkshop(cards: number): Promise<{ id: string; listed: number }> {
  const db = openDatabase();
  const doc = new Y.Doc();
  seedDemo(doc, scaledDemo(cards));
  const id = newId();
  const now = Date.now();
  await db.transaction('rw', db.workshops, db.updates, async () => {
    await db.workshops.add({
      id,
      title: readWorkshopInfo(doc).title,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      isDemo: false,
      cardCount: collection(doc, 'cards').size,
      fieldCount: collection(doc, 'fields').size,
    });
    await db.updates.add({ workshopId: id, update: Y.encodeStateAsUpdate(doc) });
  });
  const listed = (await listWorkshops(db)).length;
  db.close();
  return { id, listed };
}

(window as unknown as { seedWorkshop: typeof seedWorkshop }).seedWorkshop = seedWorkshop;
