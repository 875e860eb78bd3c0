import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The contract is checked by the compiler, not by discipline: a call added to GembaApi that is
 * not listed (API_CALLS), not implemented (LocalEngine) or not checked (the argument checks) must
 * fail `npm run typecheck`. This compiles the real files with one domain file edited in memory and
 * asserts where the compiler objects.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const JOBS = join(ROOT, 'preload/api/jobs.ts');
/** Where each obligation is met; a call missing from one of them must be reported in that file. */
const LIST = JOBS;
const COMPOSED = join(ROOT, 'preload/api.ts');
const SERVICE = join(ROOT, 'main/service/local-engine.ts');
const CHECKS = join(ROOT, 'main/service/call-arguments.ts');

const config = ts.getParsedCommandLineOfConfigFile(
  join(ROOT, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
)!;

/** Type errors per file (relative path → messages) after replacing `from` by `to` in jobs.ts. */
function errorsWith(edit: { from: string; to: string } | null): Map<string, string[]> {
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = read(file);
    if (!edit || resolve(file) !== JOBS || text === undefined) return text;
    if (!text.includes(edit.from))
      throw new Error(`jobs.ts no longer contains ${JSON.stringify(edit.from)}; update this test.`);
    return text.replace(edit.from, edit.to);
  };
  const program = ts.createProgram({ rootNames: [COMPOSED, SERVICE, CHECKS], options: config.options, host });
  const errors = new Map<string, string[]>();
  for (const file of [LIST, COMPOSED, SERVICE, CHECKS]) {
    const source = program.getSourceFile(file)!;
    const messages = program
      .getSemanticDiagnostics(source)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    if (messages.length) errors.set(file.slice(ROOT.length + 1), messages);
  }
  return errors;
}

const INTERFACE_END = '  jobs(): Promise<JobEvent[]>;\n}';
const LIST_END = "  jobs: 'call',\n}";
const withCall = (line: string) => ({ from: INTERFACE_END, to: INTERFACE_END.replace('\n}', `\n  ${line}\n}`) });

describe('the contract is checked by the compiler', () => {
  it('compiles as it stands', () => {
    expect(errorsWith(null)).toEqual(new Map());
  });

  it('a call added to GembaApi alone is reported as unlisted, unimplemented and unchecked', () => {
    const errors = errorsWith(withCall('pauseJob(jobId: string): Promise<void>;'));
    // jobs.ts: JOB_CALLS lacks it; api.ts: so does the composed API_CALLS.
    expect([...errors.keys()].sort()).toEqual([
      'main/service/call-arguments.ts',
      'main/service/local-engine.ts',
      'preload/api.ts',
      'preload/api/jobs.ts',
    ]);
    expect(errors.get('preload/api/jobs.ts')!.join(' ')).toContain('pauseJob');
    expect(errors.get('main/service/local-engine.ts')!.join(' ')).toContain('pauseJob');
    expect(errors.get('main/service/call-arguments.ts')!.join(' ')).toContain('pauseJob');
  });

  it('a call listed but neither implemented nor checked is still reported in the service and the checks', () => {
    const edit = withCall('pauseJob(jobId: string): Promise<void>;');
    const src = `${edit.from}\n\nexport const JOB_CALLS = {\n  cancelJob: 'call',\n${LIST_END}`;
    const errors = errorsWith({
      from: src,
      to: src.replace(INTERFACE_END, edit.to).replace(LIST_END, `  jobs: 'call',\n  pauseJob: 'call',\n}`),
    });
    expect([...errors.keys()].sort()).toEqual(['main/service/call-arguments.ts', 'main/service/local-engine.ts']);
  });

  it('a listed name that is not a call, and a job-starting call not marked as a job, are errors', () => {
    // jobs.ts: not a call of JobCalls; api.ts: so not a call of GembaApi either.
    expect([...errorsWith({ from: LIST_END, to: `  jobs: 'call',\n  resumeJob: 'call',\n}` }).keys()].sort()).toEqual([
      'preload/api.ts',
      'preload/api/jobs.ts',
    ]);
    const src = `${INTERFACE_END}\n\nexport const JOB_CALLS = {\n  cancelJob: 'call',\n${LIST_END}`;
    const rerun = withCall("rerun(jobId: string): Promise<import('./calls.ts').JobStarted>;").to;
    const errors = errorsWith({
      from: src,
      to: src.replace(INTERFACE_END, rerun).replace(LIST_END, `  jobs: 'call',\n  rerun: 'call',\n}`),
    });
    expect(errors.get('preload/api/jobs.ts')!.join(' ')).toMatch(/"call"' is not assignable to type '"job"'/);
  });

  it('a domain whose calls are listed but whose interface GembaApi does not extend is an error', () => {
    const api = ts.sys.readFile(COMPOSED)!;
    const from = 'WorkspaceCalls,\n    ImportCalls,\n    JobCalls,\n';
    expect(api).toContain(from);
    const host = ts.createCompilerHost(config.options);
    const read = host.readFile.bind(host);
    host.readFile = (file) =>
      resolve(file) === COMPOSED ? api.replace(from, 'WorkspaceCalls,\n    ImportCalls,\n') : read(file);
    const program = ts.createProgram({ rootNames: [COMPOSED], options: config.options, host });
    const messages = program
      .getSemanticDiagnostics(program.getSourceFile(COMPOSED)!)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(messages.join(' ')).toMatch(/notInGembaApi/);
  });
});
