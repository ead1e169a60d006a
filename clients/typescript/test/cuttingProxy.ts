// A small TCP proxy in front of the test server that can cut every connection through it once it
// has forwarded a number of bytes towards the server: a connection dropped in the middle of a call,
// as a flaky network or a load balancer restarting drops it. New connections go through afterwards.
import { once } from "node:events";
import { connect, createServer, type Socket } from "node:net";

export interface CuttingProxy {
  /** The proxy's address, to give a client instead of the server's. */
  baseUrl: string;
  /** Connections accepted so far. */
  readonly connections: number;
  /** How many times the connections were cut. */
  readonly cuts: number;
  /** Cuts every open connection once `bytes` more bytes have gone towards the server. */
  cutAfter(bytes: number): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetBaseUrl: string): Promise<CuttingProxy> {
  const target = new URL(targetBaseUrl);
  const open = new Set<Socket>();
  let connections = 0;
  let cuts = 0;
  let remaining = Infinity;

  const cutAll = () => {
    cuts++;
    remaining = Infinity;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const server = createServer((client) => {
    connections++;
    const upstream = connect(Number(target.port), target.hostname);
    open.add(client);
    open.add(upstream);
    client.on("data", (data: Buffer) => {
      remaining -= data.byteLength;
      upstream.write(data);
      if (remaining <= 0) cutAll();
    });
    upstream.on("data", (data: Buffer) => client.write(data));
    for (const [socket, other] of [[client, upstream], [upstream, client]] as const) {
      socket.on("error", () => other.destroy());
      socket.on("close", () => {
        open.delete(socket);
        other.destroy();
      });
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    get connections() {
      return connections;
    },
    get cuts() {
      return cuts;
    },
    cutAfter(bytes) {
      remaining = bytes;
    },
    async close() {
      for (const socket of open) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
