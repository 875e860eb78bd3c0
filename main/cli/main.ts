import { runCli } from './gemba.ts';

const code = await runCli(process.argv.slice(2));
// Exit as soon as what was written is out, rather than when Node has torn everything down: the
// command's work is done and saved (the engine is closed), and freeing a million-event log's
// heap and threads one by one at exit cost a 1M-event import ~0.1 s (issue 11).
let pending = 2;
const done = () => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
