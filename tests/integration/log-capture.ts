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
