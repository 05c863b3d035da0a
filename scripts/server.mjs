// The production server: Next's request handler behind a plain Node HTTP
// server that first works out who the client is (security review M6).
// `next start` keeps an X-Forwarded-For the client sent, so the client could
// pick the address written into audit rows and rate-limit keys; here the
// address comes from the socket, or from the TRUSTED_PROXY_HOPS-th entry from
// the right of X-Forwarded-For, and reaches the app in x-client-address only.
//
//   NODE_ENV=production PORT=3000 node scripts/server.mjs   (after `next build`)
//
// Plain JavaScript, run by node itself: nothing between Node and Next's build.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { serverEnv } from "../src/env.mjs";
import { applyTrustedHeaders } from "../src/server/http/forwarded-address.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
// Validates the whole configuration and names any bad variable before serving.
const { TRUSTED_PROXY_HOPS } = serverEnv();

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  applyTrustedHeaders(req.headers, req.socket, TRUSTED_PROXY_HOPS);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, () => {
  console.log(`› Listening on port ${port} (trusted proxy hops: ${TRUSTED_PROXY_HOPS}).`);
});

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
