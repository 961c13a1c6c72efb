// `npm run host`: the session host standalone under Node — on a spare laptop, in browser
// mode, in tests — with the same code the desktop app runs in its main process. Prints
// where to join and the join code; reads rotate/revoke/who/quit from the terminal.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fingerprintLines } from '../../shared/sync/certificateFingerprint';
import { formatJoinCode } from '../../shared/sync/joinCodeFormat';
import { RELAY_PATH, SIGNALING_PATH } from '../../shared/sync/paths';
import { DEFAULT_CERT_DIR_NAME, helpText, parseCliArgs } from './cliArgs';
import { ensureHostCertificate, type HostCertificate } from './session/certificate';
import { ipv4Interfaces } from './session/networkInterfaces';
import { startSessionHost, type SessionHost } from './session/sessionHost';

function timestamped(message: string): void {
  console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
}

function describeConnections(host: SessionHost): string {
  const list = host.connections();
  const relay = list.filter((connection) => connection.kind === 'relay').length;
  const addresses = new Set(list.map((connection) => connection.remoteAddress)).size;
  return `${list.length} connection(s) from ${addresses} address(es): ${list.length - relay} signaling, ${relay} relay`;
}

function printCode(host: SessionHost): void {
  console.log(host.code ? `Join code: ${formatJoinCode(host.code)}` : 'Join code: (revoked)');
}

function printCertificate(certificate: HostCertificate): void {
  const [first, second] = fingerprintLines(certificate.fingerprint);
  console.log(`Certificate SHA-256: ${first}`);
  console.log(`                     ${second}`);
  console.log(
    certificate.created
      ? 'A new certificate: browsers warn once. Compare the fingerprint they show with the one above.'
      : 'Browsers that accepted this certificate before will not ask again.',
  );
}

async function main(): Promise<void> {
  // Bundled as dist-electron/host.cjs: the built app is in dist/ next to it.
  const defaultAppRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..', 'dist');
  const command = parseCliArgs(process.argv.slice(2), defaultAppRoot);
  if (command.kind === 'help') {
    console.log(helpText(ipv4Interfaces()));
    return;
  }
  if (command.kind === 'error') {
    console.error(`${command.message}\n\n${helpText(ipv4Interfaces())}`);
    process.exit(2);
  }
  const options = command.options;
  if (!existsSync(path.join(options.appRoot, 'index.html'))) {
    console.warn(
      `Note: ${options.appRoot} has no index.html (run "npm run build"); only sync works.`,
    );
  }
  const certificate = options.https
    ? await ensureHostCertificate({
        dir: options.certDir ?? path.join(os.homedir(), DEFAULT_CERT_DIR_NAME),
        addresses: [options.interface],
        log: timestamped,
      })
    : undefined;
  const host = await startSessionHost({
    tls: certificate,
    announce: options.announce,
    host: options.interface,
    port: options.port,
    appRoot: options.appRoot,
    workshopId: options.workshopId,
    title: options.title,
    joinCode: options.joinCode,
    dataFile: options.dataFile,
    log: timestamped,
  });
  const wsUrl = host.url.replace(/^http/, 'ws');
  console.log(`Werkstatt session "${options.title}" (workshop ${options.workshopId})`);
  console.log(`Open:      ${host.url}`);
  printCode(host);
  if (certificate) printCertificate(certificate);
  console.log(`Relay:     ${wsUrl}${RELAY_PATH} (room ${options.workshopId})`);
  console.log(`Signaling: ${wsUrl}${SIGNALING_PATH}`);
  console.log(`Listening on ${options.interface} only.`);
  console.log(
    options.announce
      ? 'Listed on this network for the desktop app (mDNS: title, no code); --no-announce hides it.'
      : 'Not listed on the network (--no-announce): people type the address.',
  );
  if (options.dataFile) console.log(`Board kept in ${path.resolve(options.dataFile)}`);
  if (options.interface.startsWith('127.')) {
    console.log('Only this machine can join; --interface <address> opens it to the room.');
  }
  console.log('Type rotate, revoke, who or quit.');

  let lastSummary = '';
  host.on('connections', () => {
    const summary = describeConnections(host);
    if (summary !== lastSummary) timestamped((lastSummary = summary));
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const input = readline.createInterface({ input: process.stdin, terminal: false });
  input.on('line', (line) => {
    switch (line.trim().toLowerCase()) {
      case 'rotate':
        host.rotateCode();
        printCode(host);
        break;
      case 'revoke':
        host.revokeCode();
        console.log('Join code revoked; everybody was disconnected. "rotate" makes a new one.');
        break;
      case 'who':
        for (const connection of host.connections()) {
          const since = new Date(connection.connectedAt).toISOString().slice(11, 19);
          console.log(`  ${connection.id}  ${connection.remoteAddress}  since ${since}`);
        }
        console.log(describeConnections(host));
        break;
      case 'quit':
      case 'exit':
        stop();
        break;
      case '':
        break;
      default:
        console.log('Commands: rotate, revoke, who, quit.');
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
