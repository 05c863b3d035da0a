// `npm start`: install what is missing, then hand over to scripts/serve.ts.
import { handOver } from "./lib/bootstrap.mjs";

// Ctrl-C reaches the whole process group; the server below handles it and exits cleanly.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
handOver("scripts/serve.ts");
