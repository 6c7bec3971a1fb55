/**
 * The layer rules of docs/architecture.md, held by dependency-cruiser (`npm run layers`, part of
 * `npm test`). Each rule names folders by path prefix, so it holds at every folder depth: a file in
 * shared/domain/fairness/ is held exactly like one in shared/domain/. tests/deploy/layer-rules.test.ts
 * proves each rule with a throwaway file that breaks it.
 */

/** Node's own modules: I/O, the clock's neighbours, the process. */
const NODE = { dependencyTypes: ['core'] };

/**
 * The composition root and the entry points of each runtime (and the CLI's commands, which are entry
 * points too) may build adapters from infra/; routes may not.
 */
const MAY_BUILD_ADAPTERS = [
  '^functions/compose/',
  '^functions/(worker|node|gcf|gcf-main|cli-entry)\\.ts$',
  '^functions/cli/',
  '^functions/demo/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-io',
      comment: 'shared/domain is pure: no I/O. Pass data in through functions/ or infra/.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: NODE,
    },
    {
      name: 'domain-no-sdk',
      comment:
        'shared/domain is pure: no SDK or package but zod and canonicalize (RFC 8785, the hashed form of a record; a pure function). Put adapters in infra/.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '(^|/)node_modules/(zod|canonicalize)/',
      },
    },
    {
      name: 'domain-inner-only',
      comment:
        'shared/domain must not depend on outer layers: infra, functions, ports, sheet presentation or messages (words).',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^(infra/|functions/|shared/ports\\.ts$|shared/sheet/|shared/messages/)' },
    },
    {
      name: 'shared-inner',
      comment: 'shared/ is the inner layer: it must not import functions/ or infra/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(infra|functions)/' },
    },
    {
      name: 'infra-not-functions',
      comment: 'infra/ holds adapters: it must not import routes, entries or composition from functions/.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^functions/' },
    },
    {
      name: 'routes-not-infra',
      comment:
        'Routes reach adapters only through Services (ports): only the composition root and the entry points import infra/.',
      severity: 'error',
      from: { path: '^functions/', pathNot: MAY_BUILD_ADAPTERS },
      to: { path: '^infra/' },
    },
    {
      // Type-only imports count too: a type cycle ties two modules as tightly as a value cycle.
      name: 'no-circular',
      comment: 'A cycle makes two modules one: split what both need into a third.',
      severity: 'error',
      from: { path: '^(shared|infra|functions)/' },
      to: { circular: true },
    },
  ],
  options: {
    // Packages are not followed, but never excluded: an excluded package is dropped from the graph, so a
    // domain file importing an SDK broke no rule wherever node_modules is a real folder (a fresh clone, CI).
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|tests)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
