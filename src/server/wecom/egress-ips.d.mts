// Types of src/server/wecom/egress-ips.mjs (plain JavaScript so that src/env.mjs can load it).
export function normaliseIp(text: string): string | null;
export function parseEgressIps(raw: string | undefined): string[];
export function wecomEgressIps(): string[] | null;
