/**
 * With --projects, saved filters (and their boards) that name projects left behind would make the
 * snapshot invalid: they are left out and said. The model's own rules decide what names them.
 */
import { type Config, validateState } from '../model/index.ts';

export const trimToScope = (config: Config): { config: Config; omissions: string[] } => {
  let current = config;
  const dropped: string[] = [];
  for (let round = 0; round < 3; round++) {
    const bad = new Set<number>();
    for (const p of validateState(current, [])) {
      const m = /^filters\[(\d+)\]/.exec(p.path);
      if (p.severity === 'error' && p.file === 'config.json' && m) bad.add(Number(m[1]));
    }
    if (!bad.size) break;
    const filters = current.filters.filter((f, i) => {
      if (bad.has(i)) dropped.push(f.name);
      return !bad.has(i);
    });
    const kept = new Set(filters.map((f) => f.id));
    current = { ...current, filters, boards: current.boards.filter((b) => kept.has(b.filter)) };
  }
  return {
    config: current,
    omissions: dropped.length
      ? [
          `saved filters (and their boards) that name projects outside --projects: ${dropped.length} left out (${dropped.slice(0, 8).join(', ')}${dropped.length > 8 ? ', …' : ''})`,
        ]
      : [],
  };
};
