// Looking up a session by address and code tells the user what went wrong: a wrong
// code, a host that cannot be reached, or something that is not a Werkstatt host.
// The desktop app's main process does this lookup for its page (session:lookup).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isLookupAddress } from '../../../electron/ipc/handlers';
import { fetchSessionInfo } from '../../../shared/sync/fetchSessionInfo';
import { formatJoinCode } from '../../../shared/sync/joinCodeFormat';
import { makeAppRoot, makeTempDir, removeDir, Resources, WORKSHOP_ID } from './helpers';

const resources = new Resources();
const dirs: string[] = [];
const servers: http.Server[] = [];

afterEach(async () => {
  await resources.closeAll();
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function hostUrl() {
  const dir = makeTempDir('werkstatt-lookup-');
  dirs.push(dir);
  const host = await resources.host({ appRoot: makeAppRoot(dir), host: '127.0.0.1', port: 0 });
  return { host, baseUrl: `http://127.0.0.1:${host.port}` };
}

describe('fetchSessionInfo', () => {
  it('returns the session for the right code, typed as people type it', async () => {
    const { host, baseUrl } = await hostUrl();
    const typed = formatJoinCode(host.code ?? '').toLowerCase();
    const result = await fetchSessionInfo(baseUrl, typed);
    expect(result).toEqual({
      ok: true,
      info: expect.objectContaining({
        workshopId: WORKSHOP_ID,
        relayPath: `/relay/${WORKSHOP_ID}`,
      }),
      clock: expect.any(Object),
    });
  });

  it('doubles as a clock ping: the host stamps its answer between send and receive', async () => {
    const { host, baseUrl } = await hostUrl();
    const result = await fetchSessionInfo(baseUrl, host.code ?? '');
    if (!result.ok || !result.clock) throw new Error('expected a clock sample');
    const { sentAt, hostReceivedAt, receivedAt } = result.clock;
    // Host and client share this machine's clock here, so the stamp lies in between.
    expect(sentAt).toBeLessThanOrEqual(hostReceivedAt);
    expect(hostReceivedAt).toBeLessThanOrEqual(receivedAt);
  });

  it('says wrongCode for a wrong code', async () => {
    const { baseUrl } = await hostUrl();
    expect(await fetchSessionInfo(baseUrl, 'ZZZZ-ZZZZ')).toEqual({
      ok: false,
      reason: 'wrongCode',
    });
  });

  it('says unreachable when nothing listens', async () => {
    const server = http.createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    await new Promise((done) => server.close(done));
    expect(await fetchSessionInfo(`http://127.0.0.1:${port}`, 'ABCD-EFGH')).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('says notWerkstatt for another web server, even one that answers JSON', async () => {
    const server = http.createServer((_request, response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"workshopId":"../x"}'),
    );
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    expect(await fetchSessionInfo(`http://127.0.0.1:${port}`, 'ABCD-EFGH')).toEqual({
      ok: false,
      reason: 'notWerkstatt',
    });
  });
});

describe('isLookupAddress (session:lookup argument check)', () => {
  it('accepts plain http(s) origins only', () => {
    expect(isLookupAddress('http://192.168.0.10:4871')).toBe(true);
    expect(isLookupAddress('https://werkstatt.example')).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'http://user:pw@host',
      'http://host/path',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isLookupAddress(bad), bad).toBe(false);
    }
  });
});
