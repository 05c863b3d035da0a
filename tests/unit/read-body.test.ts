import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";

/** A chunked body (no Content-Length) of `chunks` × 1 KiB, counting how many chunks were pulled. */
function chunkedRequest(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(1024).fill(120));
    },
  });
  const request = new Request("http://x.localhost/api", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("reading a body with a cap", () => {
  it("returns a body within the cap", async () => {
    const { request } = chunkedRequest(3);
    expect(await readBodyCapped(request, 4096)).toBe("x".repeat(3072));
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { request, pulled } = chunkedRequest(100_000);
    const error = await readBodyCapped(request, 8 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const request = new Request("http://x.localhost/api", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "999999999" },
    });
    const error = await readBodyCapped(request, 1024).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    expect(request.bodyUsed).toBe(false);
  });
});
