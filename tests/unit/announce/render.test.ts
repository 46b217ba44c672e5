/** Text from a cloned tracker is data, never markup, in every format. */
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../server/announce/notice.ts';
import { noticeBanner } from '../../../server/announce/render/banner-html.ts';
import { noticeMarkdown } from '../../../server/announce/render/markdown.ts';
import { noticeSlack } from '../../../server/announce/render/slack.ts';
import { noticeText, wrap } from '../../../server/announce/render/text.ts';

const hostile = (link = 'https://ci.example/r'): Notice => ({
  kind: 'heads-up',
  tone: 'warning',
  link,
  subject: 'Change <script>alert(1)</script> & @channel',
  headline: 'Project <img src=x onerror=alert(1)> changes; ping <!here> and @team',
  sections: [{ title: 'What you need to do differently', blocks: [{ type: 'list', items: ['Use <b>bold</b> & *stars* [link](http://evil)'] }] }],
});

describe('escaping', () => {
  it('banner: every text escaped, a javascript: link is not a link', () => {
    const html = noticeBanner(hostile());
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://ci.example/r"');
    const evil = noticeBanner(hostile('javascript:alert(1)'));
    expect(evil).not.toContain('href="javascript');
    expect(evil).toContain('Details: javascript:alert(1)');
  });
  it('slack: <, > and & escaped, so no mention, link or command can be smuggled in', () => {
    const json = JSON.stringify(noticeSlack(hostile()));
    const p = noticeSlack(hostile());
    expect(p.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Change <script>alert(1)</script> & @channel' } }); // plain_text is never markup
    expect(JSON.stringify({ ...p, blocks: p.blocks.slice(1) })).not.toMatch(/<!here>|<script|<img/);
    expect(json).toContain('&lt;!here&gt;');
    expect(json).toContain('&amp;');
  });
  it('markdown: HTML, links and emphasis are literal text; an @mention is neutralised', () => {
    const md = noticeMarkdown(hostile());
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b>)|[^\\]\[link\]\(/m);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('@\u200dteam');
  });
});

describe('plain text', () => {
  it('wraps at the width with a hanging indent, keeping a long word whole', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '- ', '  ')).toEqual(['- aaa bbb', '  ccc ddd']);
    expect(wrap('https://example.com/a/very/long/url short', 10)).toEqual(['https://example.com/a/very/long/url', 'short']);
    expect(wrap('', 10, '- ')).toEqual(['- ']);
  });
  it('every line of a notice fits 72 columns unless one word is longer', () => {
    const text = noticeText({ ...hostile(), headline: 'word '.repeat(60) });
    for (const line of text.split('\n')) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(72);
  });
});
