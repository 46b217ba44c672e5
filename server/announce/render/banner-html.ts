/**
 * The notice as an announcement banner: one HTML fragment with inline styles, so it looks the same
 * in the sandbox (`npm run sandbox -- --banner FILE`) and pasted into a tracker's announcement
 * banner. Every text is escaped.
 */
import { escapeHtml } from '../../common/html.ts';
import type { Notice } from '../notice.ts';

const COLOURS: Record<Notice['tone'], { bg: string; border: string }> = {
  info: { bg: '#deebff', border: '#0052cc' },
  warning: { bg: '#fffae6', border: '#ff991f' },
  success: { bg: '#e3fcef', border: '#00875a' },
  danger: { bg: '#ffebe6', border: '#de350b' },
};

export const noticeBanner = (n: Notice): string => {
  const c = COLOURS[n.tone];
  const mustDo = n.sections.find((s) => s.title === 'What you need to do differently')?.blocks.find((b) => b.type === 'list');
  const first = mustDo?.type === 'list' ? mustDo.items.slice(0, 3) : [];
  return [
    `<div class="understudy-banner" role="status" data-notice="${escapeHtml(n.kind)}" style="background:${c.bg};border-left:4px solid ${c.border};padding:8px 16px;font:14px/1.4 system-ui,sans-serif;color:#172b4d">`,
    `  <strong>${escapeHtml(n.subject)}</strong><br>`,
    `  <span>${escapeHtml(n.headline)}</span>`,
    ...(first.length ? [`  <ul style="margin:4px 0 0 1.2em;padding:0">${first.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`] : []),
    // Only http(s) or a relative path becomes a link (never `javascript:` and the like).
    /^(https?:\/\/|[^:]*$)/i.test(n.link)
      ? `  <a href="${escapeHtml(n.link)}" style="color:${c.border}">Details</a>`
      : `  <span>Details: ${escapeHtml(n.link)}</span>`,
    '</div>',
    '',
  ].join('\n');
};
