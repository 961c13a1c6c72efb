// Persistence figures, measured in Chromium's real IndexedDB.
import { build } from 'esbuild';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/support/chromium';
import type { PersistenceFigures } from './browser/persistenceBench';
import type { Metrics } from './results';

const round = (value: number) => Math.round(value * 10) / 10;

export async function benchPersistence(): Promise<Metrics> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser/persistenceBench.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    minify: true,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = http.createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const figures = (await page.evaluate('window.runPersistenceBench()')) as PersistenceFigures;
    if (figures.cards2000 !== 2000)
      throw new Error(`expected 2000 cards, got ${figures.cards2000}`);
    return {
      'persistence.flush_ms.after_edits10000': {
        value: round(figures.flushAfterBurstMs),
        unit: 'ms',
        goal: 100,
        better: 'lower',
      },
      'persistence.rows.edits10000_burst': {
        value: figures.rowsAfterBurst,
        unit: 'rows',
        goal: 10,
        better: 'lower',
      },
      'persistence.rows.edits10000_spread': {
        value: figures.rowsAfterSpread,
        unit: 'rows',
        goal: 250,
        better: 'lower',
      },
      'persistence.reload_ms.edits10000_spread': {
        value: round(figures.reloadAfterSpreadMs),
        unit: 'ms',
        goal: 500,
        better: 'lower',
      },
      'persistence.reload_ms.cards2000': {
        value: round(figures.reloadCards2000Ms),
        unit: 'ms',
        goal: 500,
        better: 'lower',
      },
      'model.edit_ms.edits10000_single': {
        value: round(figures.editBurstMs),
        unit: 'ms',
        goal: 1000,
        better: 'lower',
      },
    };
  } finally {
    await browser.close();
    server.close();
  }
}
