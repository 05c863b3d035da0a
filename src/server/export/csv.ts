// A CSV file streamed as it is written, as Excel on a Chinese Windows opens it right: UTF-8 with a
// BOM, CRLF lines, quotes where a cell needs them. A cell a spreadsheet would run as a formula
// (= + - @: CSV injection) is written after an apostrophe; a number-like cell of a column that is
// text (学号, 手机号, 证件号码) starts with a tab, so Excel keeps it as text (no lost zeros, no
// 1.10101E+17) — the roster import trims both.

/** One cell as written; `text`: the column holds text that looks like a number. */
export function csvCell(value: string, text = false): string {
  let cell = /^[=+\-@]/.test(value) ? `'${value}` : value;
  if (text && /^\d[\dX]*$/.test(value)) cell = `\t${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The file: the header, then each row; `textColumns`: the indexes of number-like text columns. */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
  textColumns: ReadonlySet<number> = new Set(),
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* lines() {
    yield "\uFEFF" + header.map((h) => csvCell(h)).join(",") + "\r\n";
    for await (const row of rows) yield row.map((cell, i) => csvCell(cell, textColumns.has(i))).join(",") + "\r\n";
  }
  const source = lines();
  return new ReadableStream({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
