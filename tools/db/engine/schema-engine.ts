// The engine for this process, chosen once: the facts (files on disk) do not
// change while a command runs. Each path's code is loaded only when chosen, so
// the native path never loads the WebAssembly engine, and deleting engine/wasm/
// later touches only the import below.
import type { Log } from "../layout";
import { chooseSchemaEngine, describeEngine, probeEngineFacts, type EngineChoice } from "./choose-engine";
import type { SchemaEngineDriver } from "./driver";

let chosen: Promise<{ choice: EngineChoice; driver: SchemaEngineDriver }> | null = null;
let announced = false;

async function load(): Promise<{ choice: EngineChoice; driver: SchemaEngineDriver }> {
  const choice = chooseSchemaEngine(await probeEngineFacts());
  if (choice.kind === "native") {
    const { nativeDriver } = await import("./native/native-driver");
    return { choice, driver: nativeDriver(choice.binary) };
  }
  const { wasmDriver } = await import("./wasm/wasm-driver");
  return { choice, driver: wasmDriver };
}

/** The driver; the first caller that brings a log gets the one line saying which path runs. */
export async function schemaEngine(log?: Log): Promise<SchemaEngineDriver> {
  chosen ??= load();
  const { choice, driver } = await chosen;
  if (log && !announced) {
    announced = true;
    log(describeEngine(choice));
  }
  return driver;
}
