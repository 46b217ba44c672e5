/** The hazard catalogue: named analyzers with unique ids and codes, each code documented in the README; analyze() runs a stage's analyzers and names them. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyze, ANALYZERS } from '../../../../server/rehearse/hazards/catalogue.ts';
import type { AnyAnalyzer } from '../../../../server/rehearse/hazards/analyzer.ts';
import { formatProblem, validateState } from '../../../../server/model/index.ts';
import { tinyContent } from '../../../helpers/tiny-snapshot.ts';

const warningsOf = (s: { config: unknown; issues: readonly unknown[] }) =>
  new Set(
    validateState(s.config, s.issues)
      .filter((p) => p.severity === 'warning')
      .map(formatProblem),
  );

const STEP_CODES = ['PC101', 'MR101', 'RB101', 'RB102', 'RB103', 'RB104', 'RB105', 'RG101', 'SN101', 'BF101'];

describe('the hazard catalogue', () => {
  it('ids and codes are unique, codes look like NS101', () => {
    const ids = ANALYZERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = [...ANALYZERS.flatMap((a) => Object.keys(a.codes)), ...STEP_CODES];
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{2}\d{3}$/);
  });

  it('the README lists every analyzer and every code', async () => {
    const readme = await readFile('README.md', 'utf8');
    for (const a of ANALYZERS) expect(readme, a.id).toContain(`\`${a.id}\``);
    for (const c of [...ANALYZERS.flatMap((a) => Object.keys(a.codes)), ...STEP_CODES]) expect(readme, c).toContain(c);
  });

  it('runs only the analyzers of the stage asked for, stamping each hazard with its analyzer', () => {
    const { config, issues } = tinyContent();
    const seen: string[] = [];
    const spy = (id: string, stage: 'change' | 'comparison'): AnyAnalyzer =>
      ({
        id,
        stage,
        summary: id,
        codes: { XX101: id },
        analyze: () => {
          seen.push(id);
          return [{ kind: 'rules-warning', code: 'XX101', severity: 'warning', message: id, evidence: [] }];
        },
      }) as AnyAnalyzer;
    const input = {
      plan: [],
      baseline: { config, issues },
      after: { config, issues },
      baselineWarnings: new Set<string>(),
      notificationsPerRecipient: 50,
      lastMigration: undefined,
      now: '2026-01-01T00:00:00.000Z',
    };
    const found = analyze('change', input, [spy('a', 'change'), spy('b', 'comparison'), spy('c', 'change')]);
    expect(seen).toEqual(['a', 'c']);
    expect(found.map((h) => h.analyzer)).toEqual(['a', 'c']);
  });

  const changeInput = (after: ReturnType<typeof tinyContent>) => {
    const { config, issues } = tinyContent();
    return {
      plan: [],
      baseline: { config, issues },
      after: { config: after.config, issues: after.issues },
      baselineWarnings: warningsOf({ config, issues }),
      notificationsPerRecipient: 50,
      lastMigration: '20260101-000000-x',
      now: '2026-01-01T00:00:00.000Z',
    };
  };

  it('the change stage on the unchanged tiny snapshot finds nothing', () => {
    expect(analyze('change', changeInput(tinyContent()))).toEqual([]);
  });

  it('LK101: a project nobody can browse after the change, asked of the tracker for every active user', () => {
    const after = tinyContent();
    for (const ps of after.config.permissionSchemes) ps.grants = ps.grants.filter((g) => g.permission !== 'BROWSE_PROJECTS');
    const found = analyze('change', changeInput(after)).filter((h) => h.code === 'LK101');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ kind: 'project-unreachable', severity: 'error', analyzer: 'project-lockout', migration: '20260101-000000-x' });
    expect(found[0]!.message).toMatch(/nobody can browse/);
  });
});
