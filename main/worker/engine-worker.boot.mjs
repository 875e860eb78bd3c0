// Development entry of the engine thread: workers do not inherit the parent's TypeScript loader,
// so register tsx here before loading the TypeScript worker. Packaged builds bundle
// engine-worker.ts to plain JavaScript and skip this file.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
