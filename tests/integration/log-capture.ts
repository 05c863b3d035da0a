// What the process's logger writes while some work runs, as an operator's log collector would get it.
import { Writable } from "node:stream";
import { createLogger, replaceRootLogger } from "~/server/log";

/** Every line the process's logger writes while `work` runs, at trace level. */
export async function captured(work: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  replaceRootLogger(createLogger({ level: "trace", destination }));
  try {
    await work();
  } finally {
    replaceRootLogger(null);
  }
  return lines.join("");
}

/** The keys a log line holds more than once: a collector keeps one of two equal keys and drops the other. */
export function repeatedKeys(line: string): string[] {
  const keys = [...line.matchAll(/"([A-Za-z]+)":/g)].map((m) => m[1]!);
  return keys.filter((key, i) => keys.indexOf(key) !== i);
}
