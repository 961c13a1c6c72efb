// Command-line flags of the standalone session host (cli.ts), parsed and checked without
// side effects so that they can be tested; the help text lists the machine's IPv4
// interfaces because picking the room's interface is the one thing people must decide.
import { parseArgs } from 'node:util';
import { WORKSHOP_ID_PATTERN } from '../../shared/sync/paths';
import { DEFAULT_SESSION_INTERFACE } from './session/sessionHost';
import { listenAddressProblem, type HostInterface } from './session/networkInterfaces';

/** Fixed, because a participant's browser keeps its data per origin (address and port). */
export const DEFAULT_SESSION_PORT = 4871;

/** The certificate's folder unless --cert-dir says otherwise (under the user's home). */
export const DEFAULT_CERT_DIR_NAME = '.werkstatt-host';
const DEFAULT_CERT_DIR_HINT = `~/${DEFAULT_CERT_DIR_NAME}`;

export interface CliOptions {
  readonly interface: string;
  readonly port: number;
  readonly workshopId: string;
  readonly title: string;
  readonly dataFile: string | undefined;
  readonly joinCode: string | undefined;
  readonly appRoot: string;
  /** Serve HTTPS/WSS with this machine's own certificate. */
  readonly https: boolean;
  /** Where that certificate and its key are kept; undefined: the default folder. */
  readonly certDir: string | undefined;
  /** List the session on the network over mDNS (never the code); --no-announce turns it off. */
  readonly announce: boolean;
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'error'; readonly message: string };

export function parseCliArgs(argv: readonly string[], defaultAppRoot: string): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        interface: { type: 'string', default: DEFAULT_SESSION_INTERFACE },
        port: { type: 'string', default: String(DEFAULT_SESSION_PORT) },
        workshop: { type: 'string' },
        title: { type: 'string' },
        data: { type: 'string' },
        code: { type: 'string' },
        app: { type: 'string', default: defaultAppRoot },
        https: { type: 'boolean', default: false },
        'cert-dir': { type: 'string' },
        'no-announce': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const port = /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return {
      kind: 'error',
      message: `--port must be a port number (0–65535), not "${values.port}"`,
    };
  }
  const addressProblem = listenAddressProblem(values.interface);
  if (addressProblem) return { kind: 'error', message: `--interface: ${addressProblem}` };
  if (values.workshop === undefined)
    return { kind: 'error', message: '--workshop <id> is required' };
  if (!WORKSHOP_ID_PATTERN.test(values.workshop)) {
    return { kind: 'error', message: '--workshop: letters, digits, _ and - only (1–128)' };
  }
  if (values['cert-dir'] !== undefined && !values.https) {
    return { kind: 'error', message: '--cert-dir goes with --https' };
  }
  return {
    kind: 'run',
    options: {
      interface: values.interface,
      port,
      workshopId: values.workshop,
      title: values.title ?? values.workshop,
      dataFile: values.data,
      joinCode: values.code,
      appRoot: values.app,
      https: values.https,
      certDir: values['cert-dir'],
      announce: !values['no-announce'],
    },
  };
}

export function helpText(interfaces: readonly HostInterface[]): string {
  const width = Math.max(0, ...interfaces.map((entry) => entry.name.length));
  const listed = interfaces.map(
    (entry) =>
      `  ${entry.name.padEnd(width)}  ${entry.address}${entry.internal ? '  (this machine only)' : ''}`,
  );
  return [
    'Werkstatt session host: serves one workshop to the room (app, signaling, relay).',
    '',
    'Usage: npm run host -- --workshop <id> [options]',
    '',
    `  --interface <ip>  the one address to listen on (default ${DEFAULT_SESSION_INTERFACE})`,
    `  --port <n>        port (default ${DEFAULT_SESSION_PORT}; 0 picks a free one)`,
    '  --workshop <id>   workshop id (letters, digits, _ and -); the relay room and y-webrtc topic',
    '  --title <text>    title shown to people who join (default: the workshop id)',
    '  --data <file>     keep the board in this file and the join code in <file>.code, so that',
    '                    a restarted host still has both and participants reconnect by themselves',
    '  --code <code>     use this join code (one a host made before) instead',
    '  --app <dir>       the built app to serve (default: dist/ of this checkout)',
    '  --https           serve HTTPS with a certificate this machine makes (browsers warn once;',
    '                    compare the fingerprint it prints with the one the browser shows)',
    `  --cert-dir <dir>  where that certificate and its key are kept (default ${DEFAULT_CERT_DIR_HINT})`,
    '  --no-announce     do not list the session on the network (mDNS; the desktop app finds',
    '                    sessions by it; the join code is never announced)',
    '  -h, --help        this text',
    '',
    'Interfaces (IPv4):',
    ...(listed.length > 0 ? listed : ['  (none found)']),
    '',
    'While running, type: rotate (new join code), revoke (no code; everybody out), who, quit.',
  ].join('\n');
}
