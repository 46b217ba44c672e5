/** Escapes text for HTML element content and attribute values. Every cloned string goes through it. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const html = (strings: TemplateStringsArray, ...values: unknown[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));

const render = (v: unknown): string => {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(v);
};

export const page = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · Understudy</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">Understudy sandbox</a></header><main>${body}</main></body></html>`.value;
