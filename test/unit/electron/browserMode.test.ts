// Browser mode is what a facilitator without the desktop shell gets: a fixed port
// (the browser keeps each workshop per origin, so the port must not wander) and
// messages that say what to do when the app is not built or the port is taken.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_BROWSER_PORT,
  browserPort,
  serveBrowserMode,
} from '../../../electron/host/browserMode';
import type { RunningServer } from '../../../electron/host/staticServer';
import { closeServer, occupyPort, portOf, rawRequest } from './httpHelpers';

describe('browserPort', () => {
  it('defaults to 4870', () => {
    expect(DEFAULT_BROWSER_PORT).toBe(4870);
    expect(browserPort({})).toBe(4870);
    expect(browserPort({ WERKSTATT_PORT: '' })).toBe(4870);
  });

  it('honours WERKSTATT_PORT', () => {
    expect(browserPort({ WERKSTATT_PORT: '5173' })).toBe(5173);
    expect(browserPort({ WERKSTATT_PORT: '1' })).toBe(1);
    expect(browserPort({ WERKSTATT_PORT: '65535' })).toBe(65535);
  });

  it.each(['abc', '0', '70000', '65536', '-1', '80.5', 'NaN', '4870abc'])(
    'refuses WERKSTATT_PORT=%s with a message naming the variable and the value',
    (raw) => {
      expect(() => browserPort({ WERKSTATT_PORT: raw })).toThrow(
        `WERKSTATT_PORT must be a port number (1–65535), not "${raw}"`,
      );
    },
  );
});

describe('serveBrowserMode', () => {
  let tmp: string;
  let built: string;
  const running: RunningServer[] = [];
  const blockers: net.Server[] = [];

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-browser-'));
    built = path.join(tmp, 'dist');
    mkdirSync(built);
    writeFileSync(path.join(built, 'index.html'), '<!doctype html><title>Werkstatt</title>');
    mkdirSync(path.join(tmp, 'unbuilt'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    await Promise.all(blockers.splice(0).map(closeServer));
  });

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the built app on 127.0.0.1 and shows a localhost URL', async () => {
    const server = await serveBrowserMode(built, 0);
    running.push(server);
    expect(server.url).toBe(`http://localhost:${server.port}`);
    const response = await rawRequest(server.port, '/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Werkstatt</title>');
  });

  it('says the app is not built, and how to build it, when index.html is missing', async () => {
    const unbuilt = path.join(tmp, 'unbuilt');
    await expect(serveBrowserMode(unbuilt, 0)).rejects.toThrow(
      `The app is not built (${unbuilt} has no index.html): run "npm run build".`,
    );
    await expect(serveBrowserMode(path.join(tmp, 'no-such-folder'), 0)).rejects.toThrow(
      /not built/,
    );
  });

  it('says the port is in use, and what to do about it, when it is taken', async () => {
    const blocker = await occupyPort();
    blockers.push(blocker);
    const port = portOf(blocker);
    const failure = serveBrowserMode(built, port);
    await expect(failure).rejects.toThrow(`Port ${port} is in use`);
    await expect(failure).rejects.toThrow(`open http://localhost:${port}`);
    await expect(failure).rejects.toThrow('Set WERKSTATT_PORT to use another port');
  });
});
