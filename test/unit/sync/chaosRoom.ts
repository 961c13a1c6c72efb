// A room for the convergence test through the real providers, with a seeded hand on the
// network: the session host (startSessionHost with a data file), y-websocket clients in this
// process and laptops in their own processes (the app's SessionConnection, see
// fixtures/sessionPeer.ts). Each step does one random thing: a Werkstatt command somewhere,
// a relay client dropping or returning, a laptop shut without warning or started again
// from what it had saved (sometimes staying offline for a while), a host restart, or a
// replay of recorded updates, shuffled, to the host, a client or a laptop. Every update any
// replica made or the host received is recorded, for replays and for the final "nothing
// lost" check.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  startSessionHost,
  type SessionHost,
  type SessionHostOptions,
} from '../../../electron/host/session/sessionHost';
import { MESSAGE_SYNC } from '../../../electron/host/session/relayRoom';
import { RELAY_PATH } from '../../../shared/sync/paths';
import { Resources, WORKSHOP_ID } from '../host/helpers';
import { seededRandom, type Random } from '../../support/seededRandom';
import { pickOne, randomInt, runRandomOp } from './roomOps';
import { SessionPeer } from './sessionPeers';

/** Each laptop is shut at most this often (starting a process takes 1–3 s here). */
const MAX_SHUTDOWNS_PER_LAPTOP = 2;
const MAX_HOST_RESTARTS = 2;
const MAX_HOST_DOWN_MS = 400;
const MAX_REPLAYED_UPDATES = 6;
/** Replays pick from this many of the latest recorded updates. */
const REPLAY_WINDOW = 400;
const STEP_PAUSE_MS = 15;
const DIRECT_SAMPLE_STEPS = 10;

export interface ChaosRoomOptions {
  readonly seed: number;
  readonly dir: string;
  readonly appRoot: string;
  /** The board everybody starts with. */
  readonly base: Uint8Array;
  readonly relayClients: number;
  readonly laptops: number;
}

export interface Replica {
  readonly name: string;
  readonly update: Uint8Array;
  /** Updates that arrived but wait for missing ones. */
  readonly pending: boolean;
}

interface Laptop {
  readonly actorId: string;
  readonly stateFile: string;
  peer: SessionPeer | null;
  joined: boolean;
  shutdowns: number;
  /** The test shut the current process (a dead one that was not shut crashed). */
  shut: boolean;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChaosRoom {
  readonly figures = {
    ops: 0,
    relayToggles: 0,
    shutdowns: 0,
    restarts: 0,
    crashes: 0,
    hostRestarts: 0,
    replayed: 0,
    /** Most direct (WebRTC) connections a laptop had at a sample, so the path was used. */
    directPeersSeen: 0,
  };
  /** Every update a replica made or the host received, in order. */
  readonly recorded: Uint8Array[] = [];
  private readonly random: Random;
  private readonly resources = new Resources();
  private readonly docs: Y.Doc[] = [];
  private readonly relays: WebsocketProvider[] = [];
  private readonly laptops: Laptop[] = [];
  private host: SessionHost | null = null;
  private steps = 0;
  private readonly record = (update: Uint8Array) => {
    this.recorded.push(update);
  };

  private constructor(
    private readonly options: ChaosRoomOptions,
    private readonly hostOptions: SessionHostOptions,
  ) {
    this.random = seededRandom(options.seed);
  }

  static async open(options: ChaosRoomOptions): Promise<ChaosRoom> {
    const dataFile = path.join(options.dir, `relay-${options.seed}.yjs`);
    writeFileSync(dataFile, options.base);
    const room = new ChaosRoom(options, {
      appRoot: options.appRoot,
      workshopId: WORKSHOP_ID,
      title: 'Digitalstrategie Lindenau',
      dataFile,
      // Every client connects from 127.0.0.1.
      limits: { maxConnectionsPerAddress: 64 },
    });
    await room.startHost(0);
    for (let index = 0; index < options.relayClients; index++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, options.base);
      doc.on('update', room.record);
      room.docs.push(doc);
      room.relays.push(room.resources.relayClient({ port: room.port }, doc, room.code));
    }
    for (let index = 0; index < options.laptops; index++) {
      const stateFile = path.join(options.dir, `laptop${index}-${options.seed}.yjs`);
      writeFileSync(stateFile, options.base);
      const laptop: Laptop = {
        actorId: `laptop${index}`,
        stateFile,
        peer: null,
        joined: true,
        shutdowns: 0,
        shut: false,
      };
      room.laptops.push(laptop);
      room.start(laptop);
    }
    for (const laptop of room.laptops) await room.join(laptop);
    return room;
  }

  /** One random thing happens, then a short pause lets the network move. */
  async step(): Promise<void> {
    const roll = this.random();
    if (roll < 0.5) this.randomOp();
    else if (roll < 0.62) this.toggleRelayClient();
    else if (roll < 0.68) await this.toggleLaptop();
    else if (roll < 0.71 && this.figures.hostRestarts < MAX_HOST_RESTARTS) await this.restartHost();
    else if (roll < 0.85) await this.replay();
    await sleep(STEP_PAUSE_MS + randomInt(this.random, STEP_PAUSE_MS));
    if (++this.steps % DIRECT_SAMPLE_STEPS === 0) await this.sampleDirectPeers();
  }

  private async sampleDirectPeers(): Promise<void> {
    for (const laptop of this.laptops) {
      if (!laptop.peer?.alive) continue;
      const state = await laptop.peer.state().catch(() => null);
      this.figures.directPeersSeen = Math.max(
        this.figures.directPeersSeen,
        state?.status?.directPeers ?? 0,
      );
    }
  }

  /** Relay clients connect, laptops start again where they were shut and join. */
  async everybodyBack(): Promise<void> {
    for (const relay of this.relays) if (!relay.shouldConnect) relay.connect();
    for (const laptop of this.laptops) {
      // Shut by the test, or crashed (wrtc may crash a process closing a connection).
      if (!laptop.peer?.alive) this.start(laptop);
      await this.join(laptop);
    }
  }

  /** Every replica's state now: the host's, the clients', the laptops'. */
  async replicas(): Promise<{ replicas: Replica[]; directPeers: number[] }> {
    const states = await Promise.all(
      this.laptops.map((laptop) => (laptop.peer as SessionPeer).state()),
    );
    const host = this.host as SessionHost;
    const replicas: Replica[] = [
      { name: 'host', update: Y.encodeStateAsUpdate(host.doc), pending: false },
      ...this.docs.map((doc, index) => ({
        name: `client${index}`,
        update: Y.encodeStateAsUpdate(doc),
        pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
      })),
      ...states.map((state, index) => ({
        name: `laptop${index}`,
        update: new Uint8Array(Buffer.from(state.update, 'base64')),
        pending: state.pending,
      })),
    ];
    return { replicas, directPeers: states.map((state) => state.status?.directPeers ?? 0) };
  }

  async close(): Promise<void> {
    await Promise.all(this.laptops.map((laptop) => laptop.peer?.stop()));
    await this.resources.closeAll();
    await this.host?.close();
    this.host = null;
  }

  private get port(): number {
    return (this.host as SessionHost).port;
  }

  private get code(): string {
    return (this.host as SessionHost).code as string;
  }

  private async startHost(port: number): Promise<void> {
    this.host = await startSessionHost({ ...this.hostOptions, port });
    this.host.doc.on('update', this.record);
  }

  private start(laptop: Laptop): void {
    if (laptop.peer && !laptop.shut) this.figures.crashes++;
    laptop.shut = false;
    const host = this.host as SessionHost;
    laptop.peer = new SessionPeer(
      laptop.actorId,
      host.url,
      this.code,
      WORKSHOP_ID,
      laptop.stateFile,
    );
    laptop.peer.onUpdate = this.record;
  }

  private async join(laptop: Laptop): Promise<void> {
    await laptop.peer?.whenReady();
    laptop.joined = true;
    laptop.peer?.send({ type: 'join' });
  }

  private randomOp(): void {
    const replica = randomInt(this.random, this.docs.length + this.laptops.length);
    const seed = randomInt(this.random, 2 ** 31);
    const doc = this.docs[replica];
    if (doc) runRandomOp(doc, seededRandom(seed), `client${replica}`);
    else this.laptops[replica - this.docs.length]?.peer?.send({ type: 'op', seed });
    this.figures.ops++;
  }

  private toggleRelayClient(): void {
    const relay = pickOne(this.random, this.relays) as WebsocketProvider;
    if (relay.shouldConnect) relay.disconnect();
    else relay.connect();
    this.figures.relayToggles++;
  }

  /** Shuts a running laptop without warning, or starts a shut one (maybe still offline). */
  private async toggleLaptop(): Promise<void> {
    const laptop = pickOne(this.random, this.laptops) as Laptop;
    const peer = laptop.peer;
    if (peer?.alive && laptop.shutdowns < MAX_SHUTDOWNS_PER_LAPTOP) {
      laptop.shut = true;
      await peer.kill();
      laptop.shutdowns++;
      this.figures.shutdowns++;
    } else if (!peer?.alive) {
      this.start(laptop);
      this.figures.restarts++;
      // Half the time it stays offline for a while, and its edits wait.
      if (this.random() < 0.5) await this.join(laptop);
      else {
        await laptop.peer?.whenReady();
        laptop.joined = false;
      }
    } else if (!laptop.joined) {
      await this.join(laptop);
    }
  }

  private async restartHost(): Promise<void> {
    const port = this.port;
    await this.host?.close();
    await sleep(randomInt(this.random, MAX_HOST_DOWN_MS));
    await this.startHost(port);
    this.figures.hostRestarts++;
  }

  /** Recorded updates once more, shuffled: to the host, into a client, or to a laptop. */
  private async replay(): Promise<void> {
    const picked = shuffled(this.random, this.recorded.slice(-REPLAY_WINDOW)).slice(
      0,
      1 + randomInt(this.random, MAX_REPLAYED_UPDATES),
    );
    this.figures.replayed += picked.length;
    const target = randomInt(this.random, 3);
    if (target === 0) {
      // A client that sends what it has seen once more, to the host.
      const url = `ws://127.0.0.1:${this.port}${RELAY_PATH}/${WORKSHOP_ID}?code=${this.code}`;
      const socket = await this.resources.socket(url).catch(() => null);
      for (const update of picked) socket?.send(updateFrame(update));
      socket?.close();
    } else if (target === 1) {
      const doc = pickOne(this.random, this.docs) as Y.Doc;
      for (const update of picked) Y.applyUpdate(doc, update);
    } else {
      const peer = pickOne(this.random, this.laptops)?.peer;
      for (const update of picked) {
        peer?.send({ type: 'apply', update: Buffer.from(update).toString('base64') });
      }
    }
  }
}
