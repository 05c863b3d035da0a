// A page's redirect() after a form post must send the browser on with a GET.
//
// A form a phone submits before the page's script has run is posted natively
// (Next's progressive enhancement): the server action runs, then the page is
// rendered, and a page guard that now sends the member on (bind-phone → follow)
// answers with redirect()'s 307. A 307 tells the browser to post the same form
// again to the new address (RFC 9110 §15.4.8), where no such action exists, and
// Next answers that with the bare text "Server Action unavailable.". 303 See
// Other is the answer meant after a post (RFC 9110 §15.4.4): the browser fetches
// the new page with a GET. Applied by the server in front of Next
// (scripts/server.mjs) to pages only: a 307 from a route under /api/ is meant.
import type { IncomingMessage, ServerResponse } from "node:http";

export function seeOtherAfterFormPost(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "POST" || (req.url ?? "/").startsWith("/api/")) return;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  // Node writes an implicit head through writeHead too, so both paths pass here.
  res.writeHead = (status: number, ...rest: unknown[]) => writeHead(status === 307 ? 303 : status, ...rest);
}
