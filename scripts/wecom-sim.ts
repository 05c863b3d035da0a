// `npm run wecom:sim`: the bundled WeCom simulator as its own process.
//   WECOM_SIM_PORT        port (default 3900)
//   WECOM_SIM_HOST        interface to listen on (default 127.0.0.1)
//   WECOM_SIM_STATE_FILE  JSON file that keeps the state across restarts (in memory when unset)
//   WECOM_SIM_SEED_FILE   JSON seed (the body of POST /__sim/seed), applied when the state has no corps
//   WECOM_SIM_PUBLIC_URL  origin the simulator's own links use, when it is reached through another name
import { readFileSync } from "node:fs";
import { z } from "zod";
import { startWecomSimulator } from "../src/sims/wecom";

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);
const env = z
  .object({
    WECOM_SIM_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65_535).default(3900)),
    WECOM_SIM_HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
    WECOM_SIM_STATE_FILE: z.preprocess(blankIsUnset, z.string().optional()),
    WECOM_SIM_SEED_FILE: z.preprocess(blankIsUnset, z.string().optional()),
    WECOM_SIM_PUBLIC_URL: z.preprocess(blankIsUnset, z.url().optional()),
  })
  .safeParse(process.env);

if (!env.success) {
  for (const issue of env.error.issues) console.error(`✗ ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const { WECOM_SIM_PORT, WECOM_SIM_HOST, WECOM_SIM_STATE_FILE, WECOM_SIM_SEED_FILE, WECOM_SIM_PUBLIC_URL } = env.data;
const seed: unknown = WECOM_SIM_SEED_FILE ? JSON.parse(readFileSync(WECOM_SIM_SEED_FILE, "utf8")) : undefined;
const sim = await startWecomSimulator({
  port: WECOM_SIM_PORT,
  host: WECOM_SIM_HOST,
  stateFile: WECOM_SIM_STATE_FILE,
  seed,
  publicUrl: WECOM_SIM_PUBLIC_URL,
});
console.log(`› WeCom simulator on ${sim.url}  (phone page /, API /cgi-bin/, control /__sim/)`);
if (WECOM_SIM_STATE_FILE) console.log(`  state kept in ${WECOM_SIM_STATE_FILE}`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
