// Bundles the main process, the preload, the launcher and the standalone session host
// into dist-electron/ as CommonJS (what Electron's sandboxed preload requires).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/launch.ts'], outfile: 'dist-electron/launch.cjs' }),
  build({ ...common, entryPoints: ['electron/host/cli.ts'], outfile: 'dist-electron/host.cjs' }),
]);
