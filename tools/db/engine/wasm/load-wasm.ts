// Loads @prisma/schema-engine-wasm. The package's entry point does
// `import * as wasm from "./…wasm"`, which Node 20 accepts only with
// --experimental-wasm-modules; so the module is instantiated here and handed to
// the package's JS glue, as that entry point would.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

let ready = false;

export function loadWasmEngine(): typeof engineGlue {
  if (ready) return engineGlue;
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
  });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  ready = true;
  return engineGlue;
}
