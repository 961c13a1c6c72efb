// y-webrtc's signaling protocol (reference: node_modules/y-webrtc/bin/server.js), for one
// workshop: JSON text frames `subscribe`/`unsubscribe` {topics}, `publish` {topic, data}
// (forwarded to every subscriber of the topic, the sender included, with `clients` set to
// their number) and `ping` (answered with `pong`). Unlike the reference, only the session's
// own topic (the workshop id) exists — other topics are ignored, so the host relays nothing
// for rooms it does not host — and malformed frames close the sender's socket instead of
// throwing inside the server.
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import { MAX_TOPICS_PER_MESSAGE } from './limits';

export interface SignalingPeer {
  send(data: string): void;
  close(code: number, reason: string): void;
}

const PONG = JSON.stringify({ type: 'pong' });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SignalingHub {
  private readonly subscribers = new Set<SignalingPeer>();

  constructor(readonly topic: string) {}

  subscriberCount(): number {
    return this.subscribers.size;
  }

  receive(peer: SignalingPeer, data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      peer.close(SESSION_CLOSE_CODES.malformed, 'signaling frames are JSON text');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      peer.close(SESSION_CLOSE_CODES.malformed, 'not JSON');
      return;
    }
    if (!isRecord(message) || typeof message.type !== 'string') {
      peer.close(SESSION_CLOSE_CODES.malformed, 'not a signaling message');
      return;
    }
    switch (message.type) {
      case 'subscribe':
      case 'unsubscribe': {
        const topics = message.topics ?? [];
        if (!Array.isArray(topics) || topics.length > MAX_TOPICS_PER_MESSAGE) {
          peer.close(SESSION_CLOSE_CODES.malformed, 'topics must be a short list');
          return;
        }
        if (!topics.includes(this.topic)) return;
        if (message.type === 'subscribe') this.subscribers.add(peer);
        else this.subscribers.delete(peer);
        return;
      }
      case 'publish': {
        if (message.topic !== this.topic || this.subscribers.size === 0) return;
        const forwarded = JSON.stringify({
          type: 'publish',
          topic: this.topic,
          data: message.data,
          clients: this.subscribers.size,
        });
        for (const receiver of [...this.subscribers]) receiver.send(forwarded);
        return;
      }
      case 'ping':
        peer.send(PONG);
        return;
      default:
      // Unknown types are ignored, like the reference server does (newer clients may add some).
    }
  }

  leave(peer: SignalingPeer): void {
    this.subscribers.delete(peer);
  }
}
