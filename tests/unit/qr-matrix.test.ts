// The poster PDF draws the registration code from qrMatrix; the SVG route draws it with qrImage.
// Both must be the same code: read back the SVG's dark modules and compare them square by square.
import { describe, expect, it } from "vitest";
import { qrImage, qrMatrix } from "~/server/qr/qr-image";

/** The dark modules of qrcode's SVG: one path of horizontal strokes ("M x y.5 h n m dx dy h n …"), less its margin. */
function modulesOfSvg(svg: string, margin = 2): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]) - 2 * margin;
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)![1]!;
  const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  let [x, y] = [0, 0];
  for (const [, op, args] of d.matchAll(/([MmHhVv])([^MmHhVv]*)/g)) {
    const n = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (op === "M") [x, y] = [n[0]!, n[1]!];
    else if (op === "m") [x, y] = [x + n[0]!, y + n[1]!];
    else if (op === "h") {
      for (let i = 0; i < n[0]!; i++) grid[Math.floor(y) - margin]![x + i - margin] = true;
      x += n[0]!;
    } else throw new Error(`unexpected path command ${op}`);
  }
  return grid;
}

describe("the poster's QR code", () => {
  it.each(["http://t-abc.localhost:3000/join?q=1.r.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB", "https://ucas.example.edu.cn/join?q=x"])(
    "has exactly the modules the SVG draws for %s",
    async (link) => {
      const matrix = qrMatrix(link);
      expect(matrix.length).toBeGreaterThanOrEqual(21);
      expect(modulesOfSvg((await qrImage(link, "svg")).toString("utf8"))).toEqual(matrix);
    },
  );

  it("differs for another link", () => {
    expect(qrMatrix("https://a.example/join?q=1")).not.toEqual(qrMatrix("https://a.example/join?q=2"));
  });
});
