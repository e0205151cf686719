/** Module boundaries: a module is used only through its index.ts (commands, queries, events, module class). */
module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-into-another-module',
      comment: "Import another module through '@app/<module>' (its index.ts), never its internals.",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-use-public-surfaces',
      comment: 'Apps compose modules; they do not reach into them.',
      severity: 'error',
      from: { path: '^apps/(api|worker|cli)/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'Dependencies run one way: a cycle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-imports-an-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // The swagger plugin's generated metadata names every module's DTO files, as the build's plugin does.
    exclude: { path: '(\\.spec\\.ts$|^dist/|^libs/composition/src/openapi-metadata\\.ts$)' },
  },
};
