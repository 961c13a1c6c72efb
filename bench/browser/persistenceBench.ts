// Runs inside Chromium (real IndexedDB): how fast the batched update log saves and
// reloads a workshop. Bundled and loaded by bench/persistence.ts.
import * as Y from 'yjs';
import { addCard, addField, setCardText } from '../../shared/model/commands';
import { listCards } from '../../shared/model/read';
import { openDatabase } from '../../renderer/persistence/db';
import { UpdateLog } from '../../renderer/persistence/updateLog';
import { createWorkshop } from '../../renderer/persistence/workshops';
import { scaledDemo } from '../scaledDemo';
import { seedDemo } from '../../shared/demo/seedDemo';

export interface PersistenceFigures {
  editBurstMs: number;
  flushAfterBurstMs: number;
  rowsAfterBurst: number;
  rowsAfterSpread: number;
  reloadAfterSpreadMs: number;
  reloadCards2000Ms: number;
  cards2000: number;
}

const EDITS = 10_000;
const EDITS_PER_TASK = 50;

async function timeReload(db: ReturnType<typeof openDatabase>, id: string) {
  const start = performance.now();
  const doc = new Y.Doc();
  const log = await UpdateLog.open(db, id, doc);
  const ms = performance.now() - start;
  const cards = listCards(doc).length;
  await log.close();
  return { ms, doc, cards };
}

async function run(): Promise<PersistenceFigures> {
  const db = openDatabase(`bench-${Date.now()}`);

  // 10,000 single-character edits, each its own transaction, as fast as a script can.
  const burstId = await createWorkshop(db, 'Burst');
  const burstDoc = new Y.Doc();
  const burstLog = await UpdateLog.open(db, burstId, burstDoc);
  const fieldId = addField(burstDoc, { title: 'HF' });
  const cardId = addCard(burstDoc, fieldId, { text: '' });
  let text = '';
  const burstStart = performance.now();
  for (let index = 0; index < EDITS; index++) {
    text += String.fromCharCode(97 + (index % 26));
    setCardText(burstDoc, cardId, text);
  }
  const flushStart = performance.now();
  await burstLog.flush();
  const flushAfterBurstMs = performance.now() - flushStart;
  const editBurstMs = flushStart - burstStart;
  await burstLog.close();
  const rowsAfterBurst = await db.updates.where('workshopId').equals(burstId).count();

  // The same edits spread over many tasks, as typing or remote peers deliver them.
  const spreadId = await createWorkshop(db, 'Spread');
  const spreadDoc = new Y.Doc();
  const spreadLog = await UpdateLog.open(db, spreadId, spreadDoc);
  const spreadField = addField(spreadDoc, { title: 'HF' });
  const spreadCard = addCard(spreadDoc, spreadField, { text: '' });
  let spreadText = '';
  for (let index = 0; index < EDITS; index++) {
    spreadText += 'x';
    setCardText(spreadDoc, spreadCard, spreadText);
    if (index % EDITS_PER_TASK === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await spreadLog.close();
  const rowsAfterSpread = await db.updates.where('workshopId').equals(spreadId).count();
  const reloadAfterSpread = await timeReload(db, spreadId);
  if (listCards(reloadAfterSpread.doc)[0]?.text !== spreadText) throw new Error('lost edits');

  // A stored 2,000-card workshop, opened from disk.
  const seed = new Y.Doc();
  seedDemo(seed, scaledDemo(2000));
  const bigId = await createWorkshop(db, 'Big');
  await db.updates.add({ workshopId: bigId, update: Y.encodeStateAsUpdate(seed) });
  const big = await timeReload(db, bigId);

  db.close();
  await db.delete();
  return {
    editBurstMs,
    flushAfterBurstMs,
    rowsAfterBurst,
    rowsAfterSpread,
    reloadAfterSpreadMs: reloadAfterSpread.ms,
    reloadCards2000Ms: big.ms,
    cards2000: big.cards,
  };
}

(window as unknown as { runPersistenceBench: typeof run }).runPersistenceBench = run;
