/**
 * Layering rules (DESIGN.md "Layout"): folders are runtime layers, and this config — not a
 * wiki page — keeps them apart. Run by `npm run lint`.
 */
// 'electron' resolves to node_modules/electron, or — where that optional package is absent — to
// the type stand-in main/app/electron-fallback.d.ts through tsconfig paths; both mean Electron.
const ELECTRON = '^electron$|node_modules/electron/|^main/app/electron-fallback\\.d\\.ts$';
// The contract: preload/api.ts composes the domain files of preload/api/ into GembaApi.
const CONTRACT = '^preload/api(\\.ts$|/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports hide the order of initialisation and couple modules both ways.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'renderer-not-to-main',
      severity: 'error',
      comment: 'The UI reaches the engine only through the contract (preload/api.ts and preload/api/), never main/.',
      from: { path: '^renderer/' },
      to: { path: '^(main|models|bench)/' },
    },
    {
      name: 'renderer-only-api-from-preload',
      severity: 'error',
      comment: 'Of preload/, the renderer may import only the contract.',
      from: { path: '^renderer/' },
      to: { path: '^preload/', pathNot: CONTRACT },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      comment: 'The renderer is a sandboxed web page: no Node built-ins.',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-stays-pure',
      severity: 'error',
      comment: 'The engine is plain TypeScript over columnar data: no Electron, UI, transports or worker plumbing.',
      from: { path: '^main/engine/' },
      to: { path: '^(renderer|main/(host|app|cli|worker))/' },
    },
    {
      name: 'models-below-the-app',
      severity: 'error',
      comment:
        'models/ (features, training, ONNX, SHAP) runs in workers and the CLI alike: no app, host, CLI, worker or UI.',
      from: { path: '^models/' },
      to: { path: '^(renderer|main/(host|app|cli|worker))/' },
    },
    {
      name: 'engine-never-imports-models',
      severity: 'error',
      comment: 'models/ builds on the engine (features from the event log); the engine never depends on models.',
      from: { path: '^main/engine/' },
      to: { path: '^models/' },
    },
    {
      name: 'engine-folders-entered-through-index',
      severity: 'error',
      comment:
        'Each folder of main/engine (analysis, map, quality, ...) is entered from outside only through its index.ts, ' +
        'which lists what it offers (a sub-folder such as import/timestamps may offer its own narrower index.ts); its ' +
        'other files may change freely. Tests, fixtures and bench/ may reach inside.',
      from: { path: '^(main/(?!engine/)|models/|preload/)', pathNot: '\\.(test|fixture)\\.tsx?$' },
      to: { path: '^main/engine/[^/]+/', pathNot: '^main/engine/.+/index\\.ts$' },
    },
    {
      name: 'engine-folders-entered-through-index-inside-engine',
      severity: 'error',
      comment: 'The same between the folders of main/engine: import/ uses analysis/ through analysis/index.ts.',
      from: { path: '^main/engine/([^/]+)/', pathNot: '\\.(test|fixture)\\.tsx?$' },
      to: { path: '^main/engine/[^/]+/', pathNot: ['^main/engine/$1/', '^main/engine/.+/index\\.ts$'] },
    },
    {
      name: 'better-sqlite3-only-in-workspace-and-registry',
      severity: 'error',
      comment:
        'SQLite is opened in two places only: the workspace (main/engine/workspace) and the model registry (models/registry).',
      from: { pathNot: '^(main/engine/workspace|models/registry)/|\\.(test|fixture)\\.ts$|^(bench|e2e|scripts)/' },
      to: { path: '(^|/)node_modules/better-sqlite3/|^better-sqlite3$' },
    },
    {
      name: 'onnxruntime-only-in-models-runtime',
      severity: 'error',
      comment: 'ONNX bytes are opened by onnxruntime-node in models/runtime only (OnnxScorer); eslint says the same.',
      from: { pathNot: '^models/runtime/' },
      to: { path: '(^|/)node_modules/onnxruntime-(node|common)/|^onnxruntime-(node|common)$' },
    },
    {
      name: 'product-never-imports-fixtures',
      severity: 'error',
      comment: 'Test helpers are named *.fixture.ts and serve tests only: product code never imports one.',
      from: { path: '^(main|models|preload|renderer)/', pathNot: '\\.(test|fixture)\\.tsx?$' },
      to: { path: '\\.fixture\\.tsx?$' },
    },
    {
      name: 'only-app-imports-electron',
      severity: 'error',
      comment:
        'main/app is the only folder of the app that imports electron (and preload/preload.ts, which runs inside it). ' +
        'scripts/ and e2e/ may ask the electron package where its binary is.',
      from: { pathNot: '^(main/app|preload|scripts|e2e)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'preload-imports-only-electron-and-contract',
      severity: 'error',
      comment:
        'The preload runs sandboxed and is bundled alone: electron plus preload/ files only (its tests run in Node).',
      from: { path: '^preload/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: `^preload/|${ELECTRON}` },
    },
    {
      name: 'contract-imports-nothing',
      severity: 'error',
      comment: 'The contract is shared by every layer; it must not pull any of them in (its own domain files only).',
      from: { path: CONTRACT, pathNot: '\\.test\\.ts$' },
      to: { pathNot: CONTRACT },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `depcruise .` cruises the whole repo (folders such as models/ may not exist yet in a clone).
    // node_modules is not excluded, only not followed: the rules must see which package a file imports.
    exclude: { path: '^(dist|out|release|test-results|playwright-report|\\.tmp|\\.git)/|^bench/(data|results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
