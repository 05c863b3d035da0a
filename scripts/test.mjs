// `npm test`: install what is missing, then hand over to scripts/test.ts.
import { handOver } from "./lib/bootstrap.mjs";

process.on("SIGINT", () => {});
handOver("scripts/test.ts", process.argv.slice(2));
