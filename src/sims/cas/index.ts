// The project's own CAS server (Apereo CAS Protocol 3.0), serving several schools at once, each
// at its own base path: what the product's CAS sign-in is developed, demoed and tested against.
export { startCasSimulator, type CasSimulator, type CasSimulatorOptions } from "./server";
export { personAttributes, type Person, type SchoolInput, schoolsInput } from "./config";
export { VALIDATION_FAULTS, type ValidationFault } from "./faults";
