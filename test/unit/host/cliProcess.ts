// The standalone host (`npm run host`) as its tests run it: a child process whose output is
// collected, children that are killed after each test, and the bundle electron/build.mjs makes,
// so that every CLI test file starts, reads and cleans up the host the same way.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

export const CLI = path.join(import.meta.dirname, '..', '..', '..', 'electron', 'host', 'cli.ts');
/** Starting the host through tsx (or bundling it) takes seconds on a busy machine. */
export const CLI_TIMEOUT_MS = 30_000;

const children: ChildProcessWithoutNullStreams[] = [];

export class CliRun {
  /** Everything the host wrote so far, stdout and stderr interleaved. */
  output = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** All values of "<label> <value>" lines so far. */
  values(label: string): string[] {
    const pattern = new RegExp(`^${label}\\s+(\\S+)`, 'gm');
    return [...this.output.matchAll(pattern)].map((match) => match[1] as string);
  }
}

/** Runs the host with `args`, from source through tsx unless `entry` names a bundle. */
export function runCli(args: string[], entry: string[] = ['--import', 'tsx', CLI]): CliRun {
  const child = spawn(process.execPath, [...entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  return new CliRun(child);
}

/** For afterEach: a host a failed test left running must not hold its port or the run. */
export function killCliChildren(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

/** Bundles the host into `outfile` with the options electron/build.mjs uses for host.cjs. */
export async function bundleCli(outfile: string): Promise<void> {
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    external: ['electron'],
    entryPoints: [CLI],
    outfile,
  });
}
