// The standalone host (`npm run host`): flags are checked, --help lists the interfaces, and
// a real run prints the address and the join code, answers rotate/who from the terminal,
// keeps the board in --data and stops cleanly on SIGTERM.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_SESSION_PORT, helpText, parseCliArgs } from '../../../electron/host/cliArgs';
import { normalizeJoinCode } from '../../../shared/sync/joinCodeFormat';
import {
  Resources,
  WORKSHOP_ID,
  getJson,
  makeAppRoot,
  makeTempDir,
  removeDir,
  waitFor,
} from './helpers';
import { bundleCli, CLI_TIMEOUT_MS, killCliChildren, runCli } from './cliProcess';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-cli-');
  appRoot = makeAppRoot(tmp);
});
afterEach(async () => {
  await resources.closeAll();
  killCliChildren();
});
afterAll(() => removeDir(tmp));

describe('parseCliArgs', () => {
  it('has safe defaults and requires a workshop id', () => {
    expect(parseCliArgs(['--workshop', 'w1'], '/app')).toEqual({
      kind: 'run',
      options: {
        interface: '127.0.0.1',
        port: DEFAULT_SESSION_PORT,
        workshopId: 'w1',
        title: 'w1',
        dataFile: undefined,
        joinCode: undefined,
        appRoot: '/app',
        https: false,
        certDir: undefined,
        announce: true,
      },
    });
    expect(parseCliArgs([], '/app')).toMatchObject({ kind: 'error', message: /--workshop/ });
    expect(parseCliArgs(['-h'], '/app')).toEqual({ kind: 'help' });
  });

  it('refuses bad ports, wildcard interfaces, odd workshop ids and unknown flags', () => {
    const bad = [
      ['--workshop', 'w', '--port', '70000'],
      ['--workshop', 'w', '--port', 'abc'],
      ['--workshop', 'w', '--interface', '0.0.0.0'],
      ['--workshop', 'w', '--interface', 'my-laptop.local'],
      ['--workshop', 'a/b'],
      ['--workshop', 'w', '--verbose'],
    ];
    for (const args of bad) expect(parseCliArgs(args, '/app').kind, args.join(' ')).toBe('error');
  });

  it('lists the interfaces in the help text', () => {
    const text = helpText([
      { name: 'lo', address: '127.0.0.1', internal: true },
      { name: 'wlan0', address: '192.168.8.23', internal: false },
    ]);
    expect(text).toMatch(/lo\s+127\.0\.0\.1\s+\(this machine only\)/);
    expect(text).toMatch(/wlan0\s+192\.168\.8\.23/);
    expect(text).toContain('--interface <ip>');
  });
});

describe('the host command', () => {
  it(
    'prints URL and code, rotates on request, keeps the board in --data, stops on SIGTERM',
    async () => {
      const dataFile = path.join(tmp, 'cli-board.yjs');
      const run = runCli([
        '--port',
        '0',
        '--workshop',
        WORKSHOP_ID,
        '--title',
        'Workshop Lindenau',
        '--app',
        appRoot,
        '--data',
        dataFile,
      ]);
      await waitFor(
        'URL and code printed',
        () => run.values('Join code:').length === 1,
        CLI_TIMEOUT_MS,
      );
      const url = run.values('Open:')[0] as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(url).port);
      const first = normalizeJoinCode(run.values('Join code:')[0] as string);
      const api = await getJson(port, `/api/session?code=${first}`);
      expect(api.body).toMatchObject({ workshopId: WORKSHOP_ID, title: 'Workshop Lindenau' });

      run.child.stdin.write('rotate\n');
      await waitFor('new code printed', () => run.values('Join code:').length === 2);
      const second = normalizeJoinCode(run.values('Join code:')[1] as string);
      expect(second).not.toBe(first);
      expect((await getJson(port, `/api/session?code=${first}`)).status).toBe(401);

      const doc = new Y.Doc();
      const client = resources.relayClient({ port }, doc, second);
      await waitFor('synced', () => client.synced);
      doc.getText('board').insert(0, 'gespeichert');
      run.child.stdin.write('who\n');
      await waitFor('who answered', () =>
        /1 connection\(s\) from 1 address\(es\)/.test(run.output),
      );

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      const saved = new Y.Doc();
      Y.applyUpdate(saved, new Uint8Array(readFileSync(dataFile)));
      expect(saved.getText('board').toString()).toBe('gespeichert');
    },
    CLI_TIMEOUT_MS * 2,
  );

  it(
    "--help lists this machine's interfaces; bad flags exit with 2",
    async () => {
      const help = runCli(['--help']);
      expect(await help.exited).toBe(0);
      expect(help.output).toMatch(/127\.0\.0\.1\s+\(this machine only\)/);
      const bad = runCli(['--workshop', 'w', '--interface', '0.0.0.0']);
      expect(await bad.exited).toBe(2);
      expect(bad.output).toMatch(/every interface/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'bundled like electron/build.mjs does, it runs under plain Node (no electron, no native modules)',
    async () => {
      const bundle = path.join(tmp, 'host.cjs');
      await bundleCli(bundle);
      expect(readFileSync(bundle, 'utf8')).not.toMatch(/require\(["']electron["']\)|\.node["']\)/);
      const run = runCli(['--port', '0', '--workshop', WORKSHOP_ID, '--app', appRoot], [bundle]);
      await waitFor('code printed', () => run.values('Join code:').length === 1, CLI_TIMEOUT_MS);
      const port = Number(new URL(run.values('Open:')[0] as string).port);
      const code = normalizeJoinCode(run.values('Join code:')[0] as string);
      expect((await getJson(port, `/api/session?code=${code}`)).status).toBe(200);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );
});
