import { InputError } from '../../engine/errors.ts';
import { FindingsStore, type FindingStatus } from '../../../models/registry/index.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = 'gemba finding WS ID [--status accepted|dismissed|open] [--comment TEXT] [--json]';
const STATUSES: readonly FindingStatus[] = ['accepted', 'dismissed', 'open'];

/** One finding: show it, accept or dismiss it, comment on it; each action is an audit entry. */
export const findingCommand: Command = {
  name: 'finding',
  usage: USAGE,
  summary: 'Shows one finding with its status and comments; --status accepts, dismisses or reopens it, --comment adds a note (both audited).',
  valueFlags: ['status', 'comment'],
  switches: ['json'],
  async run(args, ctx) {
    const workspace = ctx.engine.sessions.get(requirePositional(args, 0, 'the workspace', USAGE));
    const id = requirePositional(args, 1, 'the finding id (see gemba findings WS)', USAGE);
    const store = new FindingsStore(workspace);
    const status = flag(args, 'status');
    if (status !== undefined && !STATUSES.includes(status as FindingStatus)) {
      throw new InputError(`--status ${status} is not a finding status.`, { hint: `Use ${STATUSES.join(', ')}.` });
    }
    let finding = store.get(id);
    if (status !== undefined) finding = store.setStatus(id, status as FindingStatus);
    const comment = flag(args, 'comment');
    if (comment !== undefined) finding = store.comment(id, comment);
    if (has(args, 'json')) {
      printJson(ctx, finding);
      return;
    }
    ctx.stdout.write(
      [
        `${finding.id} (${finding.kind}${finding.case ? `, case ${finding.case}` : ''}) — ${finding.status}, score ${finding.score.toExponential(2)}, confidence ${(100 * finding.confidence).toFixed(1)}%`,
        ...finding.conditions.map((c) => `  - ${c}`),
        ...(finding.comments ?? []).map((c) => `  ${c.at} ${c.user}: ${c.text}`),
      ].join('\n') + '\n',
    );
  },
};
