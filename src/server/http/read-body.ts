// Request bodies are read through a cap: a chunked body is counted as it
// arrives and refused as soon as it passes the limit, so a client cannot make
// the server hold hundreds of megabytes (security review M5).
import { AppError } from "~/server/errors";

/** The body as text, or PAYLOAD_TOO_LARGE (413) once it passes `maxBytes`; the rest is never read. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  return Buffer.from(await readBytesCapped(request, maxBytes)).toString("utf8");
}

/** The body's bytes, through the same cap. */
export async function readBytesCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", { kib: Math.ceil(maxBytes / 1024) });
  if (!request.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
}

/** A multipart form post's fields and files (the first of each name), read through the cap. */
export async function readMultipartCapped(request: Request, maxBytes: number): Promise<FormData> {
  const body = await readBytesCapped(request, maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return new FormData();
  return new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
}

/** A form post's fields (the first of each name), read through the cap. */
export async function readFormCapped(request: Request, maxBytes: number): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBodyCapped(request, maxBytes)));
}
