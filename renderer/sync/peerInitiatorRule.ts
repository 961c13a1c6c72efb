// Decides which of two y-webrtc peers opens their connection, so that peers joining at the
// same moment do not both offer (WebRTC "glare", y-webrtc#39). Unmodified y-webrtc makes a
// connection as initiator to every peer whose `announce` it receives; two peers that receive
// each other's announce both offer, and y-webrtc's tie-break (a timestamp token per offer)
// then feeds the other's offer into a peer that has an offer of its own pending. Measured
// with five peers joining at once (@roamhq/wrtc, separate processes): some pairs end with one
// side stuck in `have-local-offer` and the other holding a connection that was made from a
// stray ICE candidate and never got an offer; neither side ever retries, because y-webrtc
// only announces again when a connection closes.
//
// The rule: of two peers, the one with the smaller peer id initiates. An announce from a
// peer that should initiate is not handed to y-webrtc; instead we announce ourselves to that
// peer alone (`to`), and it initiates. An unmodified peer initiates on any announce, so it
// still connects to us. Signals other than offers from a peer we have no connection to are
// dropped: y-webrtc would make a connection for them that can never complete (a candidate)
// or throw (an answer). Messages are filtered by wrapping the signaling connection's `emit`,
// below y-webrtc's own handler; node_modules stays untouched.

/** y-webrtc's signaling message `data`, as far as the rule reads it. */
interface PeerMessage {
  readonly type?: unknown;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly signal?: unknown;
}

/** What the rule reads of y-webrtc's Room. */
export interface RuleRoom {
  readonly name: string;
  readonly peerId: string;
  /** Set when the room is encrypted (a password): messages are then opaque. */
  readonly key: unknown;
  readonly webrtcConns: ReadonlyMap<string, unknown>;
}

/** What the rule reads and wraps of y-webrtc's WebrtcProvider and its signaling clients. */
export interface RuleProvider {
  readonly room: RuleRoom | null;
  readonly maxConns: number;
  readonly signalingConns: readonly SignalingClient[];
  connect(): void;
  destroy(): void;
}

export interface SignalingClient {
  send(message: unknown): void;
  emit(name: string, args: unknown[]): void;
}

export type Decision =
  | { readonly pass: true }
  | { readonly pass: false; readonly reply: Record<string, unknown> | null };

const PASS: Decision = { pass: true };
const DROP: Decision = { pass: false, reply: null };

/** Whether the peer `self` opens the connection to `remote` (the smaller id does). */
export function initiates(self: string, remote: string): boolean {
  return self < remote;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What to do with one message published in `room`'s topic. */
export function decide(room: RuleRoom, maxConns: number, data: unknown): Decision {
  if (room.key || !isRecord(data)) return PASS;
  const message = data as PeerMessage;
  const from = message.from;
  if (typeof from !== 'string' || from === room.peerId) return PASS;
  // Addressed to someone else: y-webrtc ignores it anyway.
  if (message.to !== undefined && message.to !== room.peerId) return PASS;
  const known = room.webrtcConns.has(from);
  if (message.type === 'announce') {
    if (known || initiates(room.peerId, from)) return PASS;
    // The other peer opens: tell it we are here. Not in answer to an announce addressed to
    // us (only a peer breaking the rule sends one), so that two peers never ping-pong.
    if (message.to !== undefined || room.webrtcConns.size >= maxConns) return DROP;
    return {
      pass: false,
      reply: {
        type: 'publish',
        topic: room.name,
        data: { type: 'announce', from: room.peerId, to: from },
      },
    };
  }
  if (message.type === 'signal' && !known) {
    const signal = message.signal;
    return isRecord(signal) && signal.type === 'offer' ? PASS : DROP;
  }
  return PASS;
}

/** Per signaling client (y-webrtc shares one per URL in a page): the providers ruled on it. */
const guarded = new WeakMap<SignalingClient, Set<RuleProvider>>();

function guard(client: SignalingClient, provider: RuleProvider): void {
  const existing = guarded.get(client);
  if (existing) {
    existing.add(provider);
    return;
  }
  const providers = new Set([provider]);
  guarded.set(client, providers);
  const emit = client.emit;
  client.emit = function (name: string, args: unknown[]): void {
    const message: unknown = name === 'message' && Array.isArray(args) ? args[0] : undefined;
    // y-webrtc allows one live room per name in a page: the latest provider for the topic.
    let ruled: RuleProvider | undefined;
    let data: unknown;
    if (isRecord(message) && message.type === 'publish') {
      data = message.data;
      for (const candidate of providers) {
        if (candidate.room?.name === message.topic) ruled = candidate;
      }
    }
    const decision = ruled?.room ? decide(ruled.room, ruled.maxConns, data) : PASS;
    if (decision.pass) emit.call(client, name, args);
    else if (decision.reply) client.send(decision.reply);
  };
}

const installed = new WeakSet<RuleProvider>();

/**
 * Applies the rule to the provider's signaling connections, now and after every
 * `connect()` (which may open new ones), until `destroy()`. Idempotent per provider.
 */
export function installInitiatorRule(provider: RuleProvider): void {
  if (installed.has(provider)) return;
  installed.add(provider);
  const guardAll = () => {
    for (const client of provider.signalingConns) guard(client, provider);
  };
  guardAll();
  const { connect, destroy } = provider;
  provider.connect = function (this: RuleProvider): void {
    connect.call(this);
    guardAll();
  };
  // A destroyed provider's room is gone from y-webrtc; a new provider for the same room
  // in this page may reuse the signaling connection and must be the one ruled on.
  provider.destroy = function (this: RuleProvider): void {
    for (const client of provider.signalingConns) guarded.get(client)?.delete(provider);
    destroy.call(this);
  };
}
