// `npm start`: install what is missing, then hand over to scripts/serve.ts, which stops
// everything in order on Ctrl-C (the terminal sends it to the whole process group) and on
// SIGTERM or SIGHUP (handOver passes those on).
import { handOver } from "./lib/bootstrap.mjs";

handOver("scripts/serve.ts");
