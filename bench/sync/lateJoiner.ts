// Child process: a newcomer to a session whose board has thousands of cards. Told to join,
// it connects an unmodified y-websocket client to the relay and reports the time from
// creating the connection to its document holding every card. A fresh process per join,
// as a participant's laptop joining for the first time has nothing of the board yet.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collection } from '../../shared/schema/doc';
import { childArgs, send, serve } from './childSide';
import { nowMs } from './clock';

interface JoinerArgs {
  readonly serverUrl: string;
  readonly room: string;
  readonly code: string;
  readonly expectedCards: number;
}

const args = childArgs<JoinerArgs>();
let provider: WebsocketProvider | null = null;
let doc: Y.Doc | null = null;

function join(): void {
  const startedAtMs = nowMs();
  const joined = new Y.Doc();
  doc = joined;
  const cards = collection(joined, 'cards');
  let reported = false;
  joined.on('update', () => {
    if (reported || cards.size < args.expectedCards) return;
    reported = true;
    send({ type: 'joined', joinMs: nowMs() - startedAtMs, cards: cards.size });
  });
  provider = new WebsocketProvider(args.serverUrl, args.room, joined, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { code: args.code },
    disableBc: true,
  });
}

serve(
  (message) => {
    if (message.type === 'join' && !doc) join();
  },
  () => {
    provider?.destroy();
    doc?.destroy();
  },
);
send({ type: 'ready' });
