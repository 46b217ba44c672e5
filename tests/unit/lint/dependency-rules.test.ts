/**
 * The layering rules of .dependency-cruiser.cjs (what `npm run lint:deps` checks) catch a bad import:
 * a small tree with one import of every kind the rules forbid, and the kinds they allow.
 */
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const { forbidden, options } = require('../../../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };

/** file → its source; every import names the file it reaches. */
const TREE: Record<string, string> = {
  'server/model/types.ts': 'export type Id = string;\n',
  'server/model/index.ts': "export type { Id } from './types.ts';\n",
  'server/model/leaky.ts': "import { Tracker } from '../tracker/tracker.ts';\nexport const leak = Tracker;\n",
  'server/common/errors.ts': 'export class UserError extends Error {}\n',
  'server/tracker/tracker.ts':
    "import type { Id } from '../model/index.ts';\nimport { UserError } from '../common/errors.ts';\nexport class Tracker { id: Id = ''; e = UserError; }\n",
  'server/tracker/index.ts': "export { Tracker } from './tracker.ts';\n",
  'server/http/routes.ts':
    "import { Tracker } from '../tracker/index.ts';\nimport { UserError } from '../common/errors.ts';\nexport const t = [Tracker, UserError];\n",
  'server/http/deep.ts': "import { Tracker } from '../tracker/tracker.ts';\nexport const d = Tracker;\n",
  'server/http/uses-script.ts': "import { main } from '../../scripts/run.ts';\nexport const m = main;\n",
  'server/http/ping.ts': "import { pong } from './pong.ts';\nexport const ping = () => pong;\n",
  'server/http/pong.ts': "import { ping } from './ping.ts';\nexport const pong = () => ping;\n",
  'scripts/run.ts': "import { t } from '../server/http/routes.ts';\nexport const main = () => t;\n",
};

let dir = '';
let result: ICruiseResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'understudy-deps-'));
  for (const [file, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const { tsConfig: _t, ...rest } = options;
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    result = (await cruise(['server', 'scripts'], { ...rest, validate: true, ruleSet: { forbidden } } as never)).output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const violations = () => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

describe('the dependency rules', () => {
  it('catch each bad import, and only those', () => {
    expect(violations()).toEqual([
      'model-depends-on-nothing: server/model/leaky.ts -> server/tracker/tracker.ts',
      'no-cycles: server/http/ping.ts -> server/http/pong.ts',
      'nothing-imports-scripts: server/http/uses-script.ts -> scripts/run.ts',
      'parts-meet-at-index: server/http/deep.ts -> server/tracker/tracker.ts',
      'parts-meet-at-index: server/model/leaky.ts -> server/tracker/tracker.ts',
    ]);
  });

  it('allow imports through an index, of common/ from anywhere, and inside a part', () => {
    const ok = violations().join('\n');
    expect(ok).not.toMatch(/routes\.ts|server\/tracker\/tracker\.ts -> server\/(model|common)|scripts\/run\.ts ->/);
    expect(result.summary.totalCruised).toBe(Object.keys(TREE).length);
  });
});
