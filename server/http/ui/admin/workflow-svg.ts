/**
 * A workflow as an SVG diagram: statuses as boxes coloured by category, transitions as labelled
 * arrows. Global transitions start from an "Any status" pill and are purple; conditional ones are
 * dashed; the initial one starts from a dot. Arrows bend around boxes they would cross.
 */
import type { Status, Transition, Workflow } from '../../../model/index.ts';
import { html, type SafeHtml } from '../../../common/html.ts';
import { BOX, layoutOf, type Placed } from './workflow-layout.ts';

interface Pt {
  x: number;
  y: number;
}

const center = (p: Placed): Pt => ({ x: p.x + BOX.w / 2, y: p.y + BOX.h / 2 });

/** Where a ray from a box's centre towards `toward` leaves the box. */
const exitPoint = (c: Pt, toward: Pt, pad = 2): Pt => {
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  const t = Math.min(dx ? (BOX.w / 2 + pad) / Math.abs(dx) : Infinity, dy ? (BOX.h / 2 + pad) / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
};

const bezier = (a: Pt, c: Pt, b: Pt, t: number): Pt => ({
  x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * c.x + t ** 2 * b.x,
  y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * c.y + t ** 2 * b.y,
});

const inside = (p: Pt, box: Placed, pad: number) => p.x > box.x - pad && p.x < box.x + BOX.w + pad && p.y > box.y - pad && p.y < box.y + BOX.h + pad;

/** The control point of an arrow a→b bent by `bend` px, trying larger bends until no other box is crossed. */
const route = (a: Pt, b: Pt, bend: number, others: Placed[]): Pt => {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const at = (k: number) => ({ x: mid.x + n.x * k * 2, y: mid.y + n.y * k * 2 });
  for (const extra of [0, 45, -45, 90, -90, 140, -140]) {
    const ctrl = at(bend + extra);
    let hit = false;
    for (let i = 1; i < 20 && !hit; i++) hit = others.some((o) => inside(bezier(a, ctrl, b, i / 20), o, 4));
    if (!hit) return ctrl;
  }
  return at(bend);
};

const isConditional = (t: Transition) => (t.rules.conditions?.conditions.length ?? 0) > 0;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The arrow and its label apart: labels are drawn last, above boxes and other arrows, each at the
 * first point along its arrow where it overlaps no box and no label placed before it.
 */
const edge = (
  a: Pt,
  ctrl: Pt,
  _b: Pt,
  t: Transition,
  aBox: Placed | undefined,
  bBox: Placed,
  taken: Rect[],
  boxes: readonly Placed[],
): [SafeHtml, SafeHtml] => {
  const start = aBox ? exitPoint(center(aBox), ctrl) : a;
  const end = exitPoint(center(bBox), ctrl, 4);
  const w = t.name.length * 6.2 + 10;
  const rectAt = (p: Pt): Rect => ({ x: p.x - w / 2, y: p.y - 9, w, h: 17 });
  const free = (r: Rect) => !taken.some((x) => overlaps(x, r)) && !boxes.some((bx) => overlaps({ x: bx.x, y: bx.y, w: BOX.w, h: BOX.h }, r));
  let spot = rectAt(bezier(start, ctrl, end, 0.5));
  for (const f of [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8]) {
    const r = rectAt(bezier(start, ctrl, end, f));
    if (free(r)) {
      spot = r;
      break;
    }
  }
  taken.push(spot);
  const apex = bezier(start, ctrl, end, 0.5);
  taken.push({ x: apex.x, y: apex.y, w: 0, h: 0 }); // keeps the curve inside the drawing's bounds
  const cls = `edge ${t.type}${isConditional(t) ? ' conditional' : ''}`;
  return [
    html`<path class="${cls}" d="M${start.x.toFixed(1)},${start.y.toFixed(1)} Q${ctrl.x.toFixed(1)},${ctrl.y.toFixed(1)} ${end.x.toFixed(1)},${end.y.toFixed(1)}" marker-end="url(#arrow-${t.type === 'global' ? 'global' : 'plain'})"/>`,
    html`<g class="${cls}"><rect class="label-bg" x="${spot.x.toFixed(1)}" y="${spot.y.toFixed(1)}" width="${w.toFixed(1)}" height="17" rx="3"/>
<text class="label" x="${(spot.x + w / 2).toFixed(1)}" y="${(spot.y + 13).toFixed(1)}">${t.name}</text></g>`,
  ];
};

const statusBox = (p: Placed, s: Status | undefined): SafeHtml => {
  const name = s?.name ?? p.status;
  // Long names get a smaller font so they stay inside the box.
  return html`<g class="status cat-${s?.category ?? 'todo'}${name.length > 17 ? ' long' : ''}">
<rect x="${p.x}" y="${p.y}" width="${BOX.w}" height="${BOX.h}" rx="4"/><text x="${p.x + BOX.w / 2}" y="${p.y + BOX.h / 2 + 5}">${name}</text></g>`;
};

export const workflowSvg = (wf: Workflow, statusOf: (id: string) => Status | undefined): SafeHtml => {
  const { placed, width, height } = layoutOf(wf);
  const at = new Map(placed.map((p) => [p.status, p]));
  const parts: SafeHtml[] = [];
  const labels: SafeHtml[] = [];
  const add = ([path, label]: [SafeHtml, SafeHtml]) => {
    parts.push(path);
    labels.push(label);
  };
  const taken: Rect[] = [];
  // Pairs of statuses with several arrows between them fan out, in either direction.
  const pairCount = new Map<string, number>();
  const pairKey = (x: string, y: string) => [x, y].sort().join('|');
  for (const t of wf.transitions)
    if (t.type === 'directed') for (const f of t.from) pairCount.set(pairKey(f, t.to), (pairCount.get(pairKey(f, t.to)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const globalsAt = new Map<string, number>();
  for (const t of wf.transitions) {
    const to = at.get(t.to);
    if (!to) continue;
    const others = placed.filter((p) => p !== to);
    if (t.type === 'initial') {
      const dot = { x: to.x - 92, y: to.y + BOX.h / 2 };
      parts.push(html`<circle class="start" cx="${dot.x}" cy="${dot.y}" r="7"/>`);
      add(edge({ x: dot.x + 7, y: dot.y }, { x: dot.x + 20, y: dot.y }, center(to), t, undefined, to, taken, placed));
    } else if (t.type === 'global') {
      const k = globalsAt.get(t.to) ?? 0;
      globalsAt.set(t.to, k + 1);
      const pill = { x: to.x + 10 + k * 70, y: to.y - 62 };
      parts.push(
        html`<g class="any"><rect x="${pill.x}" y="${pill.y}" width="62" height="18" rx="9"/><text x="${pill.x + 31}" y="${pill.y + 13}">Any status</text></g>`,
      );
      const from = { x: pill.x + 31, y: pill.y + 18 };
      add(edge(from, { x: from.x, y: (from.y + to.y) / 2 }, center(to), t, undefined, to, taken, placed));
    } else {
      for (const f of t.from) {
        const fromBox = at.get(f);
        if (!fromBox) continue;
        const key = pairKey(f, t.to);
        const n = pairCount.get(key) ?? 1;
        const i = pairSeen.get(key) ?? 0;
        pairSeen.set(key, i + 1);
        // Bend relative to the pair's sorted orientation, so a→b and b→a land on opposite sides.
        const flip = [f, t.to].sort()[0] === f ? 1 : -1;
        const bend = n === 1 ? 0 : (i - (n - 1) / 2) * 40 * flip;
        const a = center(fromBox);
        const b = center(to);
        const ctrl = route(
          a,
          b,
          bend,
          others.filter((o) => o !== fromBox),
        );
        add(edge(a, ctrl, b, t, fromBox, to, taken, placed));
      }
    }
  }
  const boxes = placed.map((p) => statusBox(p, statusOf(p.status)));
  // Arrows bent around boxes and their labels may reach past the boxes' extent.
  const right = Math.ceil(Math.max(width, ...taken.map((r) => r.x + r.w + 12)));
  const bottom = Math.ceil(Math.max(height, ...taken.map((r) => r.y + r.h + 12)));
  const names = placed.map((p) => statusOf(p.status)?.name ?? p.status).join(', ');
  return html`<svg class="workflow-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${right} ${bottom}" width="${right}" height="${bottom}" role="img" aria-labelledby="wf-title wf-desc">
<title id="wf-title">Workflow diagram: ${wf.name}</title><desc id="wf-desc">Statuses: ${names}. ${wf.transitions.length} transitions, listed in the table below.</desc>
<defs><marker id="arrow-plain" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#505f79"/></marker>
<marker id="arrow-global" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6554c0"/></marker></defs>
${parts}${boxes}${labels}</svg>`;
};
