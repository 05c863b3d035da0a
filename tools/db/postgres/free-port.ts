// Free loopback ports for the embedded PostgreSQL, the simulator and test servers.
import net from "node:net";

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * The ports this process was given. None is given twice: a client's pooled keep-alive socket to a
 * server this process closed outlives it, and Node's fetch (undici) sends the next request to a new
 * server on the same port down that dead socket ("other side closed", UND_ERR_SOCKET) — a test that
 * restarts a simulator would fail whenever the new one drew the old one's port.
 */
const handedOut = new Set<number>();

/** Finds a free TCP port at or after `from` on the loopback address, never one this process was given before. */
export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (handedOut.has(port)) continue;
    if (await portIsFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port between ${from} and ${from + 200}.`);
}

/**
 * Finds a free port and keeps it: a placeholder listens on it until `release()`, so another run
 * starting meanwhile (a second `npm test` on this machine, during a minutes-long build) picks another.
 */
export async function reservePort(from: number): Promise<{ port: number; release: () => Promise<void> }> {
  for (let port = from; port < from + 200; port++) {
    if (handedOut.has(port)) continue;
    const holder = await new Promise<net.Server | null>((resolve) => {
      // A connection meanwhile is closed at once, as nothing listening would refuse it.
      const server = net.createServer((socket) => socket.destroy());
      server.once("error", () => resolve(null));
      // All addresses, as the app will listen: a run holding 127.0.0.1 only would not stop one on ::.
      server.listen(port, () => resolve(server));
    });
    if (holder) {
      handedOut.add(port);
      return { port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
    }
  }
  throw new Error(`No free port between ${from} and ${from + 200}.`);
}
