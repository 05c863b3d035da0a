// The production server: Next's request handler behind a plain Node HTTP
// server that first works out who the client is (security review M6).
// `next start` keeps an X-Forwarded-For the client sent, so the client could
// pick the address written into audit rows and rate-limit keys; here the
// address comes from the socket, or from the TRUSTED_PROXY_HOPS-th entry from
// the right of X-Forwarded-For, and reaches the app in x-client-address only.
//
//   NODE_ENV=production PORT=3000 node scripts/server.mjs   (after `next build`)
//
// A page's redirect after a form post answers 303, not 307 (src/server/http/see-other.ts).
//
// Run by node itself; the TypeScript modules it needs (the configuration, the
// address rules and the 303) are loaded through tsx, nothing else stands before Next's build.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { tsImport } from "tsx/esm/api";

const { serverEnv, startupWarnings } = await tsImport("../src/env.ts", import.meta.url);
const { applyTrustedHeaders } = await tsImport("../src/server/http/forwarded-address.ts", import.meta.url);
const { seeOtherAfterFormPost } = await tsImport("../src/server/http/see-other.ts", import.meta.url);

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
// Validates the whole configuration and names any bad variable before serving.
const { TRUSTED_PROXY_HOPS } = serverEnv();
// Allowed but unsafe settings (an open vendor console), said at every production start.
for (const warning of startupWarnings()) console.warn(`⚠ ${warning}`);

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

// Set by the scripts that start this server (scripts/lib/runtime.ts), which wait for the answer that
// carries it: a server already on the port (another run's) is not mistaken for this one.
const instance = process.env.SERVER_INSTANCE_ID;

const server = createServer((req, res) => {
  if (instance) res.setHeader("x-server-instance", instance);
  applyTrustedHeaders(req.headers, req.socket, TRUSTED_PROXY_HOPS);
  seeOtherAfterFormPost(req, res);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

// A port taken since it was chosen: say so and stop, rather than live on without listening.
server.on("error", (error) => {
  console.error(`✖ The server cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => {
  console.log(`› Listening on port ${port} (trusted proxy hops: ${TRUSTED_PROXY_HOPS}).`);
});

// Ctrl-C reaches this process from the terminal, and its supervisor (scripts/serve.ts) sends
// SIGTERM as well: stop once. The job workers stop while PostgreSQL is still up (the supervisor
// stops it only after this process has exited), so none loses its connection mid-job; they
// register themselves in this process-wide list (src/server/jobs/start-workers.ts).
const SHUTDOWN_HOOKS = Symbol.for("campus-wecom.shutdown-hooks");
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Requests that will not finish do not hold the exit up.
  setTimeout(() => process.exit(0), 10_000).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  // Idle keep-alive connections would hold close() open; requests under way may finish.
  server.closeIdleConnections();
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? [];
  const results = await Promise.allSettled([...hooks.map((hook) => hook()), closed]);
  for (const result of results) {
    if (result.status === "rejected") console.error(`› While stopping: ${result.reason?.message ?? result.reason}`);
    else if (typeof result.value === "string") console.log(`› ${result.value} stopped.`);
  }
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
