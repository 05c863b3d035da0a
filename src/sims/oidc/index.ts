// The OIDC simulator: npm oidc-provider as the school's OpenID Provider, with the simulator's own
// login page, clients and accounts.
export { startOidcSimulator, type OidcSimulator, type OidcSimulatorOptions } from "./server";
export { accountInput, clientInput, CLAIMS_BY_SCOPE, type OidcAccount, type OidcClient } from "./config";
