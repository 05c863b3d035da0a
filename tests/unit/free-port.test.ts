// Free ports for the simulators and servers the tests start: a port is never given twice in one process
// (a restarted simulator on the old one's port would meet the client's dead keep-alive socket), and a
// reserved port stays taken until released (a second `npm test` on the machine picks another).
import net from "node:net";
import { describe, expect, it } from "vitest";
import { findFreePort, reservePort } from "../../tools/db";

describe("free ports", () => {
  it("never gives the same port twice in one process, though nothing listens on it any more", async () => {
    const first = await findFreePort(47_100);
    const second = await findFreePort(first);
    expect(second).toBeGreaterThan(first);
    expect(await findFreePort(first)).not.toBe(first);
  });

  it("keeps a reserved port from anyone else until it is released", async () => {
    const held = await reservePort(47_300);
    // Another process asking for it (a plain listen, as findFreePort's check is) is refused.
    const other = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(held.port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    expect(other).toBe(false);
    await held.release();
    // Released twice (the finally of a run that failed early) is harmless.
    await held.release();
  });
});
