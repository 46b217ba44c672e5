/**
 * The layering PRODUCT.md writes down, checked by `npm run lint:deps` (part of `npm test`):
 * server/model depends on nothing else of the repo; nothing imports scripts/; a part of server/
 * reaches another only through that part's index.ts (server/common/ is shared by all, deep); no cycles.
 * tests/unit/lint/dependency-rules.test.ts feeds these rules a tree with bad imports.
 */
module.exports = {
  forbidden: [
    {
      name: 'model-depends-on-nothing',
      comment: 'server/model is the ground every part stands on: it imports nothing else of the repo (npm packages and node: modules only).',
      severity: 'error',
      from: { path: '^server/model/' },
      to: { path: '^(server|scripts|tests|migrations|fixtures)/', pathNot: '^server/model/' },
    },
    {
      name: 'nothing-imports-scripts',
      comment: 'scripts/ are thin entry points: parse argv, call server/, set the exit code. Nothing imports them.',
      severity: 'error',
      from: { pathNot: '^scripts/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'parts-meet-at-index',
      comment:
        "A part of server/ uses another only through that part's index.ts (its public face), so a part can be rearranged inside without touching its callers. server/common/ may be imported by anyone.",
      severity: 'error',
      from: { path: '^server/([^/]+)/' },
      to: { path: '^server/[^/]+/', pathNot: ['^server/$1/', '^server/common/', '^server/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'Modules that import each other (directly or around a circle) cannot be understood or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|reports|test-results|playwright-report|bench-data|\\.understudy)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
