// Types of src/server/wecom/bare-origin.mjs (plain JavaScript so that src/env.mjs can load it).
export function bareOrigin(value: string): string | null;
