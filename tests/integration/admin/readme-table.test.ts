/** The README's table of admin endpoints lists every admin route the sandbox serves, in the right column (Cloud and DC, or Cloud only). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSandboxApp, createSandboxContext } from '../../../server/http/app.ts';
import { ADMIN_ROUTES } from '../../../server/http/jira/admin/index.ts';

describe('README: the admin REST API table', () => {
  it('names every route with its methods where it exists, and nothing that is not served', () => {
    const config = JSON.parse(readFileSync('fixtures/tiny/config.json', 'utf8'));
    buildSandboxApp(createSandboxContext({ state: { config, issues: [] } }), null);
    const readme = readFileSync('README.md', 'utf8');
    const rows = new Map<string, { both: string[]; cloud: string[] }>();
    for (const line of readme.split('\n')) {
      const m = /^\| `(\/[^`]+)` *\| ([^|]+)\| ([^|]+)\|$/.exec(line.trimEnd());
      if (!m) continue;
      const methods = (cell: string) =>
        cell
          .replace(/\(.*\)/, '')
          .split(',')
          .map((x) => x.trim())
          .filter((x) => /^[A-Z]+$/.test(x));
      rows.set(m[1]!, { both: methods(m[2]!), cloud: methods(m[3]!) });
    }
    const wrong: string[] = [];
    const served = new Set<string>();
    for (const r of ADMIN_ROUTES.values()) {
      const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
      served.add(path);
      const row = rows.get(path);
      if (!row || !(r.where === 'both' ? row.both : row.cloud).includes(r.method)) wrong.push(`${r.method} ${path} (${r.where})`);
    }
    for (const path of rows.keys())
      if (path.startsWith('/') && !served.has(path) && !path.startsWith('/rest/')) wrong.push(`README lists ${path}, which is not served`);
    expect(wrong).toEqual([]);
    expect(readme).toContain('PUT /rest/greenhopper/1.0/rapidviewconfig/columns');
  });
});
