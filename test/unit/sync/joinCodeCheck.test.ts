// The join-code check after a failed relay connection: it asks the session API at most once
// per interval, gives up on the session only when the answer is "wrong code" and the relay
// is still not connected, and never for a host that is merely unreachable.
import { describe, expect, it } from 'vitest';
import type { SessionInfoResult } from '../../../shared/sync/fetchSessionInfo';
import {
  JOIN_CODE_CHECK_INTERVAL_MS,
  checkJoinCodeOnFailure,
  type CheckedRelay,
} from '../../../renderer/sync/joinCodeCheck';

class FakeRelay implements CheckedRelay {
  wsconnected = false;
  private readonly listeners = new Set<() => void>();
  on(_name: 'connection-close', listener: () => void): void {
    this.listeners.add(listener);
  }
  off(_name: 'connection-close', listener: () => void): void {
    this.listeners.delete(listener);
  }
  close(): void {
    for (const listener of [...this.listeners]) listener();
  }
  get listening(): number {
    return this.listeners.size;
  }
}

const WRONG: SessionInfoResult = { ok: false, reason: 'wrongCode' };
const AWAY: SessionInfoResult = { ok: false, reason: 'unreachable' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(answers: SessionInfoResult[]) {
  let now = 0;
  const relay = new FakeRelay();
  const asked: number[] = [];
  let refused = 0;
  const stop = checkJoinCodeOnFailure(
    relay,
    async () => {
      asked.push(now);
      return answers.shift() ?? AWAY;
    },
    () => refused++,
    { now: () => now },
  );
  return {
    relay,
    asked,
    stop,
    refused: () => refused,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('checking the join code after a failed connection', () => {
  it('gives up on the session when the code is wrong and the relay is still out', async () => {
    const check = setup([WRONG]);
    check.relay.close();
    await flush();
    expect(check.refused()).toBe(1);
    expect(check.relay.listening).toBe(0);
  });

  it('keeps going while the host is unreachable, asking at most once per interval', async () => {
    const check = setup([AWAY, AWAY, WRONG]);
    for (let attempt = 0; attempt < 5; attempt++) {
      check.relay.close();
      await flush();
      check.advance(JOIN_CODE_CHECK_INTERVAL_MS / 4);
    }
    expect(check.asked).toEqual([0, JOIN_CODE_CHECK_INTERVAL_MS]);
    expect(check.refused()).toBe(0);
    check.advance(JOIN_CODE_CHECK_INTERVAL_MS);
    check.relay.close();
    await flush();
    expect(check.refused()).toBe(1);
  });

  it('does not question a relay that connected meanwhile (after a rotate, people in stay)', async () => {
    const check = setup([WRONG]);
    check.relay.close();
    check.relay.wsconnected = true;
    await flush();
    expect(check.refused()).toBe(0);
  });

  it('stops asking when stopped', async () => {
    const check = setup([WRONG]);
    check.stop();
    check.relay.close();
    await flush();
    expect(check.asked).toEqual([]);
    expect(check.refused()).toBe(0);
  });
});
