// `npm run host -- --https`: the standalone host serves HTTPS with this machine's own
// certificate, prints its SHA-256 fingerprint (what participants compare with their
// browser), keeps it in --cert-dir across restarts, and still runs when bundled like
// electron/build.mjs bundles it. Flags that make no sense together are refused.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/host/cliArgs';
import { certificateFiles } from '../../../electron/host/session/certificate';
import { normalizeFingerprint } from '../../../shared/sync/certificateFingerprint';
import { normalizeJoinCode } from '../../../shared/sync/joinCodeFormat';
import { WORKSHOP_ID, makeAppRoot, makeTempDir, removeDir, waitFor } from './helpers';
import { bundleCli, CLI_TIMEOUT_MS, killCliChildren, runCli, type CliRun } from './cliProcess';

let tmp: string;
let appRoot: string;

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-cli-https-');
  appRoot = makeAppRoot(tmp);
});
afterEach(killCliChildren);
afterAll(() => removeDir(tmp));

/** Address, code and the printed fingerprint (two lines joined) once the host is up. */
async function started(run: CliRun): Promise<{ url: string; code: string; fingerprint: string }> {
  await waitFor('host started', () => /^Relay:/m.test(run.output), CLI_TIMEOUT_MS);
  const text = run.output;
  const url = /^Open:\s+(\S+)/m.exec(text)?.[1] ?? '';
  const code = normalizeJoinCode(/^Join code:\s+(\S+)/m.exec(text)?.[1] ?? '');
  const lines = /^Certificate SHA-256:\s+(\S+)\n\s+(\S+)/m.exec(text);
  const fingerprint = normalizeFingerprint(`${lines?.[1] ?? ''}${lines?.[2] ?? ''}`) ?? '';
  return { url, code, fingerprint };
}

/** What a browser would see: the session API's status and the certificate it was served with. */
function lookUp(url: string, code: string): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    // The test checks the fingerprint itself, as a person compares it before accepting.
    const request = https.get(
      `${url}/api/session?code=${code}`,
      { rejectUnauthorized: false, agent: false },
      (response) => {
        response.resume();
        resolve({
          status: response.statusCode ?? 0,
          fingerprint: (response.socket as tls.TLSSocket).getPeerCertificate().fingerprint256,
        });
      },
    );
    request.on('error', reject);
  });
}

describe('host flags for HTTPS', () => {
  it('is off by default, and --cert-dir without --https is refused', () => {
    const plain = parseCliArgs(['--workshop', 'w'], '/app');
    expect(plain.kind === 'run' && plain.options.https).toBe(false);
    const secure = parseCliArgs(['--workshop', 'w', '--https', '--cert-dir', '/tmp/c'], '/app');
    expect(secure).toMatchObject({ kind: 'run', options: { https: true, certDir: '/tmp/c' } });
    expect(parseCliArgs(['--workshop', 'w', '--cert-dir', '/tmp/c'], '/app')).toEqual({
      kind: 'error',
      message: '--cert-dir goes with --https',
    });
  });
});

describe('the host command with --https', () => {
  it(
    'serves HTTPS, prints the fingerprint it serves, and keeps the certificate across a restart',
    async () => {
      const certDir = path.join(tmp, 'certs');
      const args = ['--port', '0', '--workshop', WORKSHOP_ID, '--app', appRoot, '--https'];
      const first = runCli([...args, '--cert-dir', certDir]);
      const one = await started(first);
      expect(one.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(one.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(first.output).toContain('browsers warn once');
      const served = await lookUp(one.url, one.code);
      expect(served).toEqual({ status: 200, fingerprint: one.fingerprint });
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(readFileSync(certificateFiles(certDir).key, 'utf8')).toContain('PRIVATE KEY');

      const second = runCli([...args, '--cert-dir', certDir]);
      const two = await started(second);
      expect(two.fingerprint).toBe(one.fingerprint);
      expect(second.output).toContain('will not ask again');
      expect((await lookUp(two.url, two.code)).fingerprint).toBe(one.fingerprint);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
    CLI_TIMEOUT_MS * 2,
  );

  it(
    'bundled like electron/build.mjs does, it still makes and serves its certificate',
    async () => {
      const bundle = path.join(tmp, 'host-https.cjs');
      await bundleCli(bundle);
      const run = runCli(
        [
          '--port',
          '0',
          '--workshop',
          WORKSHOP_ID,
          '--app',
          appRoot,
          '--https',
          '--cert-dir',
          path.join(tmp, 'bundle-certs'),
        ],
        [bundle],
      );
      const host = await started(run);
      expect(await lookUp(host.url, host.code)).toEqual({
        status: 200,
        fingerprint: host.fingerprint,
      });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );
});
