import { FINDING_KINDS, FINDING_STATUSES, type FindingKind, type FindingStatus, type FindingSummary } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE = `gemba findings WS [--kind ${FINDING_KINDS.join('|')}] [--status ${FINDING_STATUSES.join('|')}] [--top N] [--filter JSON] [--json]`;

export const findingsCommand: Command = {
  name: 'findings',
  usage: USAGE,
  summary: 'Findings of the newest models, highest score first, each with its explanation, conditions in words and KPI effect.',
  valueFlags: ['kind', 'status', 'top', 'filter'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const kind = flag(args, 'kind');
    if (kind !== undefined && !FINDING_KINDS.includes(kind as FindingKind)) {
      throw new InputError(`--kind ${kind} is not a kind of finding.`, { hint: `Choose one of: ${FINDING_KINDS.join(', ')}.` });
    }
    const status = flag(args, 'status');
    if (status !== undefined && !FINDING_STATUSES.includes(status as FindingStatus)) {
      throw new InputError(`--status ${status} is not a finding status.`, { hint: `Use ${FINDING_STATUSES.join(', ')}.` });
    }
    const top = has(args, 'top') ? numberFlag(args, 'top', 0, 1, 1_000_000) : undefined;
    if (top !== undefined && !Number.isInteger(top)) throw new InputError(`--top must be a whole number, not ${top}.`);
    const list = await ctx.api.findings(path, { kind: kind as FindingKind | undefined, status: status as FindingStatus | undefined, top, filters: filtersFrom(args) });
    if (list.total === 0) throw new InputError('The workspace has no findings yet.', { hint: `Train a model first: gemba train ${path}` });
    if (has(args, 'json')) {
      printJson(ctx, list.findings.map(issueShape));
      return;
    }
    const lines = list.findings.map((f) => `${f.score.toExponential(2).padStart(9)}  ${f.status.padEnd(9)} ${(f.case ?? f.activity ?? f.kind).padEnd(14)} ${f.conditions[0] ?? ''}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};

/** The shape of issue 10: the fields of a finding, in that order, without its review state. */
function issueShape(f: FindingSummary): Omit<FindingSummary, 'status' | 'comments'> {
  return {
    id: f.id,
    kind: f.kind,
    ...(f.case !== undefined ? { case: f.case } : {}),
    ...(f.activity !== undefined ? { activity: f.activity } : {}),
    score: f.score,
    confidence: f.confidence,
    prediction: f.prediction,
    baseValue: f.baseValue,
    explanation: f.explanation,
    conditions: f.conditions,
    kpiEffect: f.kpiEffect,
    modelVersion: f.modelVersion,
    dataFingerprint: f.dataFingerprint,
  };
}
