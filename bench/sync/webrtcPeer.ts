// Child process: one y-webrtc peer as the app makes it (with the initiator rule that avoids
// glare, renderer/sync/peerInitiatorRule.ts) with real WebRTC (@roamhq/wrtc, no STUN/TURN),
// signaling through the session host with the join code. y-webrtc allows one room of a name
// per process, and peers in one process could bypass WebRTC, so every peer is its own process.
// It makes the edits it is told to and reports every edit that arrives from another peer,
// and how many of its WebRTC connections are really connected (`connected` true).
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { installInitiatorRule } from '../../renderer/sync/peerInitiatorRule';
import { childArgs, send, serve } from './childSide';
import { makeEdit, observeRemoteEdits } from './editLog';

interface PeerArgs {
  readonly signalingUrl: string;
  readonly room: string;
  readonly name: string;
}

const args = childArgs<PeerArgs>();

// Node 20 has no global WebSocket; y-webrtc's signaling client (lib0/websocket) needs one.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
const { WebrtcProvider } = await import('y-webrtc');

const doc = new Y.Doc();
const provider = new WebrtcProvider(args.room, doc, {
  signaling: [args.signalingUrl],
  peerOpts: { wrtc, config: { iceServers: [] } },
});
installInitiatorRule(provider);

function connectedPeers(): number {
  const conns = provider.room ? [...provider.room.webrtcConns.values()] : [];
  return conns.filter((conn) => conn.connected).length;
}

observeRemoteEdits(doc, (seq, latencyMs) =>
  send({ type: 'receipts', seq, receivers: 1, maxLatencyMs: latencyMs }),
);

serve(
  (message) => {
    if (message.type === 'edit') makeEdit(doc, message.seq, args.name);
    else if (message.type === 'state') send({ type: 'state', connectedPeers: connectedPeers() });
  },
  () => {
    provider.destroy();
    doc.destroy();
  },
);
send({ type: 'ready' });
