/**
 * The import rules of docs/ARCHITECTURE.md, checked by dependency-cruiser as part of `npm run lint`
 * (`depcruise packages --config .dependency-cruiser.cjs`). Every rule is an error: a violation fails the lint.
 */
const modules = '^packages/server/src/modules';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles. A piece two files share goes into its own file both import; a process that ' +
        'crosses modules goes into packages/server/src/workflows/.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'packages/domain holds the pure rules: it imports nothing from the server or the web app.',
      from: { path: '^packages/domain/' },
      to: { path: '^packages/(server|web)/' },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        "A server module reaches another module only through that module's index.ts, never a file behind it.",
      from: { path: `${modules}/([^/]+)/` },
      to: {
        path: `${modules}/[^/]+/`,
        pathNot: [`${modules}/$1/`, `${modules}/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'modules-do-not-import-workflows',
      severity: 'error',
      comment:
        'Workflows call modules, never the other way round: a module does not import ' +
        'packages/server/src/workflows/ (its routes start one through app.workflows). A test beside a ' +
        'module may set its scenario up with a workflow (a month run), as the demo and the CLI do.',
      from: { path: `${modules}/`, pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/server/src/workflows/' },
    },
    {
      name: 'web-app-does-not-import-server',
      severity: 'error',
      comment:
        "The web app's src talks to the server over HTTP only; its scripts/ that generate the typed client may " +
        'import the server.',
      from: { path: '^packages/web/src/' },
      to: { path: '^packages/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test-results)/' },
    tsPreCompilationDeps: true,
    // Imports carry explicit .ts/.tsx extensions; @shebao/domain resolves through the workspace symlink to
    // packages/domain/src (its package.json "exports").
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
