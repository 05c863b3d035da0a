// Request bodies are read through a cap: a chunked body is counted as it
// arrives and refused as soon as it passes the limit, so a client cannot make
// the server hold hundreds of megabytes (security review M5).
import { AppError } from "~/server/errors";

/** The body as text, or PAYLOAD_TOO_LARGE (413) once it passes `maxBytes`; the rest is never read. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", { kib: Math.ceil(maxBytes / 1024) });
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", { kib: Math.ceil(maxBytes / 1024) });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A form post's fields (the first of each name), read through the cap. */
export async function readFormCapped(request: Request, maxBytes: number): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBodyCapped(request, maxBytes)));
}
