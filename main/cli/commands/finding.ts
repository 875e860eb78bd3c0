import { FINDING_STATUSES, type FindingStatus } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = `gemba finding WS ID [--status ${FINDING_STATUSES.join('|')}] [--comment TEXT] [--json]`;

/** One finding: show it, accept or dismiss it, comment on it; each action is an audit entry. */
export const findingCommand: Command = {
  name: 'finding',
  usage: USAGE,
  summary:
    'Shows one finding with its status, comments, model and audit entries; --status accepts, dismisses or reopens it, --comment adds a note (both audited).',
  valueFlags: ['status', 'comment'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const id = requirePositional(args, 1, 'the finding id (see gemba findings WS)', USAGE);
    const status = flag(args, 'status');
    if (status !== undefined && !FINDING_STATUSES.includes(status as FindingStatus)) {
      throw new InputError(`--status ${status} is not a finding status.`, {
        hint: `Use ${FINDING_STATUSES.join(', ')}.`,
      });
    }
    const comment = flag(args, 'comment');
    const finding =
      status !== undefined || comment !== undefined
        ? await ctx.api.updateFinding(path, id, {
            ...(status !== undefined ? { status: status as FindingStatus } : {}),
            ...(comment !== undefined ? { comment } : {}),
          })
        : await ctx.api.finding(path, id);
    if (has(args, 'json')) {
      printJson(ctx, finding);
      return;
    }
    ctx.stdout.write(
      [
        `${finding.id} (${finding.kind}${finding.case ? `, case ${finding.case}` : ''}) — ${finding.status}, score ${finding.score.toExponential(2)}, confidence ${(100 * finding.confidence).toFixed(1)}%, ${finding.model.label}`,
        ...finding.conditions.map((c) => `  - ${c}`),
        ...finding.comments.map((c) => `  ${c.at} ${c.user}: ${c.text}`),
      ].join('\n') + '\n',
    );
  },
};
