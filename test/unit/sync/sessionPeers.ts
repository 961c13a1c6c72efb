// Participants' laptops for the Node integration tests: each a child process running the
// app's SessionConnection with real WebRTC (fixtures/sessionPeer.ts), driven over IPC.
import path from 'node:path';
import type { PeerCommand, PeerState } from './fixtures/sessionPeer';
import { ChildProcessPeer } from './support/childProcessPeer';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'sessionPeer.ts');

export class SessionPeer extends ChildProcessPeer<PeerCommand, PeerState> {
  /** Called with every change the peer made itself (already saved in its state file). */
  onUpdate: ((update: Uint8Array) => void) | null = null;

  constructor(
    readonly actorId: string,
    baseUrl: string,
    code: string,
    workshopId: string,
    stateFile?: string,
  ) {
    const args = [baseUrl, code, workshopId, actorId, ...(stateFile ? [stateFile] : [])];
    super(actorId, PEER_SCRIPT, args);
    this.child.on('message', (message: { type: string; update?: string }) => {
      if (message.type === 'update') {
        this.onUpdate?.(new Uint8Array(Buffer.from(message.update as string, 'base64')));
      }
    });
  }
}
