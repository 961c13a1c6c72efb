// The edit loop shared by the latency benchmarks: edits from rotating authors on a fixed
// schedule, each one finished (every other participant has it) or failed (timeout) before
// the next one starts, so that each measures one edit in an otherwise quiet room. The figure
// per edit is the time until the LAST receiver has it, taken from the receivers' own
// reports (receive time minus the send time carried in the edit, on the shared clock).
import type { Child } from './children';
import { nowMs, sleep } from './clock';
import type { Receipts } from './protocol';

export interface EditRoundsOptions {
  /** Every child that reports receipts. */
  readonly participants: readonly Child[];
  /** Which process and which of its clients makes edit `seq`. */
  readonly authorOf: (seq: number) => { readonly child: Child; readonly client: number };
  /** Receivers of every edit: all clients but the author. */
  readonly receiversPerEdit: number;
  /** The first edit's number; edits are numbered on from there (unique per document). */
  readonly firstSeq: number;
  readonly warmupEdits: number;
  readonly measuredEdits: number;
  /** An edit starts this many milliseconds after the previous one (later if that was slow). */
  readonly intervalMs: number;
  /** An edit not everywhere after this long fails the benchmark. */
  readonly editTimeoutMs: number;
  /** Called between the warm-up and the measured edits, and after the last one. */
  readonly onMeasureStart?: () => Promise<void>;
  readonly onMeasureEnd?: () => Promise<void>;
}

interface Progress {
  receivers: number;
  maxLatencyMs: number;
  readonly done: () => void;
}

/** Latency (ms) of every measured edit until all receivers had it. */
export async function runEditRounds(options: EditRoundsOptions): Promise<number[]> {
  const progress = new Map<number, Progress>();
  const onReceipts = (receipts: Receipts) => {
    const entry = progress.get(receipts.seq);
    if (!entry) return;
    entry.receivers += receipts.receivers;
    entry.maxLatencyMs = Math.max(entry.maxLatencyMs, receipts.maxLatencyMs);
    if (entry.receivers >= options.receiversPerEdit) entry.done();
  };
  const unsubscribe = options.participants.map((child) =>
    child.on((message) => {
      if (message.type === 'receipts') onReceipts(message);
    }),
  );
  const anyExit = Promise.race(options.participants.map((child) => child.exited.then(() => child)));

  async function edit(seq: number): Promise<number> {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const entry: Progress = { receivers: 0, maxLatencyMs: 0, done: () => finish() };
    progress.set(seq, entry);
    const { child, client } = options.authorOf(seq);
    child.send({ type: 'edit', seq, client });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      finished.then(() => 'done' as const),
      anyExit.then((exited) => `${exited.name} exited` as const),
      new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(resolve, options.editTimeoutMs, 'timeout')),
      ),
    ]);
    clearTimeout(timer);
    progress.delete(seq);
    if (outcome !== 'done') {
      throw new Error(
        `edit ${seq} reached ${entry.receivers} of ${options.receiversPerEdit} receivers (${outcome === 'timeout' ? `timeout ${options.editTimeoutMs} ms` : outcome})`,
      );
    }
    return entry.maxLatencyMs;
  }

  async function paced(first: number, count: number): Promise<number[]> {
    const latencies: number[] = [];
    let nextAtMs = nowMs();
    for (let index = 0; index < count; index++) {
      await sleep(nextAtMs - nowMs());
      // No catching up after a slow edit: edits never bunch.
      nextAtMs = nowMs() + options.intervalMs;
      latencies.push(await edit(first + index));
    }
    return latencies;
  }

  try {
    await paced(options.firstSeq, options.warmupEdits);
    await options.onMeasureStart?.();
    const latencies = await paced(options.firstSeq + options.warmupEdits, options.measuredEdits);
    await options.onMeasureEnd?.();
    return latencies;
  } finally {
    for (const off of unsubscribe) off();
  }
}
