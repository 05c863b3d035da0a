// `npm run cas:sim`: the project's own CAS server, several schools at once, as its own process.
//   CAS_SIM_PORT        port (default 3920)
//   CAS_SIM_HOST        interface to listen on (default 127.0.0.1)
//   CAS_SIM_STATE_FILE  JSON file that keeps the schools across restarts (in memory when unset)
//   CAS_SIM_SEED_FILE   JSON {schools: [{id, basePath, title, users, …}]}, applied when the state has no schools
import { readFileSync } from "node:fs";
import { z } from "zod";
import { schoolsInput, startCasSimulator } from "../src/sims/cas";

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);
const env = z
  .object({
    CAS_SIM_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65_535).default(3920)),
    CAS_SIM_HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
    CAS_SIM_STATE_FILE: z.preprocess(blankIsUnset, z.string().optional()),
    CAS_SIM_SEED_FILE: z.preprocess(blankIsUnset, z.string().optional()),
  })
  .safeParse(process.env);

if (!env.success) {
  for (const issue of env.error.issues) console.error(`✗ ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const { CAS_SIM_PORT, CAS_SIM_HOST, CAS_SIM_STATE_FILE, CAS_SIM_SEED_FILE } = env.data;
const seed = CAS_SIM_SEED_FILE
  ? z.strictObject({ schools: schoolsInput }).parse(JSON.parse(readFileSync(CAS_SIM_SEED_FILE, "utf8")))
  : undefined;
const sim = await startCasSimulator({
  port: CAS_SIM_PORT,
  host: CAS_SIM_HOST,
  stateFile: CAS_SIM_STATE_FILE,
  schools: seed?.schools,
});
console.log(`› CAS simulator on ${sim.url}  (schools' CAS under their base paths, control /__sim)`);
if (CAS_SIM_STATE_FILE) console.log(`  state kept in ${CAS_SIM_STATE_FILE}`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
