// One laptop's network link to the session host, which a test can cut and restore: a TCP
// relay on 127.0.0.1 that the laptop uses as the host's address. Cutting it resets every
// connection through it and refuses new ones, as a laptop that leaves the Wi-Fi sees it.
// Needed because Chromium's offline emulation does not touch open connections: with
// playwright's context.setOffline(true) (or CDP Network.emulateNetworkConditions) the
// relay's WebSocket stayed connected and kept syncing (measured: 6 s, host still listing it).
import net from 'node:net';

export interface CuttableLink {
  /** `http://127.0.0.1:<port>`: the host, as this laptop reaches it. */
  readonly url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableLink(targetPort: number): Promise<CuttableLink> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (!open) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
