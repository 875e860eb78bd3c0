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
      comment: 'models/ (features, training, ONNX, SHAP) runs in workers and the CLI alike: no app, host, CLI, worker or UI.',
      from: { path: '^models/' },
      to: { path: '^(renderer|main/(host|app|cli|worker))/' },
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
      comment: 'The preload runs sandboxed and is bundled alone: electron plus preload/ files only (its tests run in Node).',
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
    exclude: { path: '(^|/)(node_modules|dist|out|release|test-results|playwright-report|\\.tmp|\\.git)/|^bench/(data|results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
