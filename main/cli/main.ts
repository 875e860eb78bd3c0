import { runCli } from './gemba.ts';

process.exitCode = await runCli(process.argv.slice(2));
