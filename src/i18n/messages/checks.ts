// A checklist's words (src/components/ui/checklist.tsx): each check's state said in words, not colour alone.
import type { Messages } from "./types";

export const checks = {
  "status.passed": { zh: "通过", en: "Passed" },
  "status.warning": { zh: "注意", en: "Attention" },
  "status.failed": { zh: "未通过", en: "Failed" },
  "status.skipped": { zh: "未检查", en: "Not checked" },
  /** What to do about a check that did not pass. */
  steps: { zh: "处理方法", en: "What to do" },
  /** A checklist's answer in a line: its first problem. */
  summary: { zh: "{title}：{detail}", en: "{title}: {detail}" },
} as const satisfies Messages;
