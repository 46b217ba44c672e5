/**
 * Where a workflow diagram puts its statuses: WorkflowStatus.layout when every status has one
 * (spread a little, so arrow labels fit between boxes), else a layered layout — each status in the
 * column of its shortest distance from the initial status, unreachable ones in a last column.
 */
import type { Workflow } from '../../../model/index.ts';

export const BOX = { w: 150, h: 40 };
export const MARGIN = { left: 120, top: 76, right: 40, bottom: 40 };

export interface Placed {
  status: string;
  x: number;
  y: number;
}

const SPREAD = { x: 1.3, y: 1.9 };

const fromLayout = (wf: Workflow): Placed[] | undefined => {
  if (!wf.statuses.length || !wf.statuses.every((s) => s.layout)) return undefined;
  const minX = Math.min(...wf.statuses.map((s) => s.layout!.x));
  const minY = Math.min(...wf.statuses.map((s) => s.layout!.y));
  return wf.statuses.map((s) => ({
    status: s.status,
    x: MARGIN.left + (s.layout!.x - minX) * SPREAD.x,
    y: MARGIN.top + (s.layout!.y - minY) * SPREAD.y,
  }));
};

const layered = (wf: Workflow): Placed[] => {
  const ids = wf.statuses.map((s) => s.status);
  const start = wf.transitions.find((t) => t.type === 'initial')?.to ?? ids[0];
  const depth = new Map<string, number>();
  if (start !== undefined) depth.set(start, 0);
  const queue = start !== undefined ? [start] : [];
  while (queue.length) {
    const at = queue.shift()!;
    for (const t of wf.transitions) {
      if (t.type !== 'directed' || !t.from.includes(at) || depth.has(t.to)) continue;
      depth.set(t.to, depth.get(at)! + 1);
      queue.push(t.to);
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  return ids.map((status) => {
    const col = depth.get(status) ?? last;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    return { status, x: MARGIN.left + col * 250, y: MARGIN.top + row * 110 };
  });
};

export const layoutOf = (wf: Workflow): { placed: Placed[]; width: number; height: number; fromConfig: boolean } => {
  const configured = fromLayout(wf);
  const placed = configured ?? layered(wf);
  const width = Math.max(...placed.map((p) => p.x), 0) + BOX.w + MARGIN.right;
  const height = Math.max(...placed.map((p) => p.y), 0) + BOX.h + MARGIN.bottom;
  return { placed, width, height, fromConfig: configured !== undefined };
};
