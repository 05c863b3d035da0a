// A member's department is a path of levels (院系/专业/班级): 「计算机学院/软件工程/2024级1班」.
// One way to read and write it, for the import, the member form, the seed and the WeCom sync, so
// the same department is always the same path (the tree's rows are unique by path per school).

/** 「计算机学院 / 软件工程 /2024级1班」 → 「计算机学院/软件工程/2024级1班」: the path's parts, trimmed, empty ones dropped. */
export function departmentPath(value: string): string {
  return value
    .split(/[/\\|>]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join("/");
}

/** One level of a path: its own path, its name (the last part), its parent's path ("" for a top level) and its depth from 1. */
export type DepartmentLevel = { path: string; name: string; parentPath: string; depth: number };

/** Every level of the given paths, each once, parents before their children. */
export function departmentLevels(paths: Iterable<string>): DepartmentLevel[] {
  const levels = new Map<string, DepartmentLevel>();
  for (const raw of paths) {
    const parts = departmentPath(raw).split("/").filter(Boolean);
    for (let depth = 1; depth <= parts.length; depth++) {
      const path = parts.slice(0, depth).join("/");
      if (!levels.has(path)) levels.set(path, { path, name: parts[depth - 1]!, parentPath: parts.slice(0, depth - 1).join("/"), depth });
    }
  }
  return [...levels.values()].sort((a, b) => a.depth - b.depth);
}
