// `npm run oidc:sim`: the OIDC simulator (npm oidc-provider) as its own process.
//   OIDC_SIM_PORT        port (default 3930); the issuer is http://127.0.0.1:<port>
//   OIDC_SIM_HOST        interface to listen on (default 127.0.0.1)
//   OIDC_SIM_STATE_FILE  JSON file that keeps the signing keys, clients and accounts across restarts (in memory when unset)
//   OIDC_SIM_SEED_FILE   JSON {clients?: […], accounts?: […]}, applied when there is no state file yet
import { readFileSync } from "node:fs";
import { z } from "zod";
import { accountInput, clientInput, startOidcSimulator } from "../src/sims/oidc";

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);
const env = z
  .object({
    OIDC_SIM_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65_535).default(3930)),
    OIDC_SIM_HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
    OIDC_SIM_STATE_FILE: z.preprocess(blankIsUnset, z.string().optional()),
    OIDC_SIM_SEED_FILE: z.preprocess(blankIsUnset, z.string().optional()),
  })
  .safeParse(process.env);

if (!env.success) {
  for (const issue of env.error.issues) console.error(`✗ ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const { OIDC_SIM_PORT, OIDC_SIM_HOST, OIDC_SIM_STATE_FILE, OIDC_SIM_SEED_FILE } = env.data;
const seed = OIDC_SIM_SEED_FILE
  ? z
      .strictObject({ clients: z.array(clientInput).optional(), accounts: z.array(accountInput).optional() })
      .parse(JSON.parse(readFileSync(OIDC_SIM_SEED_FILE, "utf8")))
  : {};
const sim = await startOidcSimulator({ port: OIDC_SIM_PORT, host: OIDC_SIM_HOST, stateFile: OIDC_SIM_STATE_FILE, ...seed });
console.log(`› OIDC simulator, issuer ${sim.issuer}  (discovery /.well-known/openid-configuration, control /__sim)`);
if (OIDC_SIM_STATE_FILE) console.log(`  state kept in ${OIDC_SIM_STATE_FILE}`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
