import { InputError } from '../../engine/errors.ts';
import { FINDING_KINDS, FindingsStore, type Finding, type FindingKind, type FindingStatus } from '../../../models/registry/index.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = `gemba findings WS [--kind ${FINDING_KINDS.join('|')}] [--status open|accepted|dismissed] [--top N] [--json]`;

export const findingsCommand: Command = {
  name: 'findings',
  usage: USAGE,
  summary: 'Findings of the newest models, highest score first, each with its explanation, conditions in words and KPI effect.',
  valueFlags: ['kind', 'status', 'top'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const kind = flag(args, 'kind');
    if (kind !== undefined && !FINDING_KINDS.includes(kind as FindingKind)) {
      throw new InputError(`--kind ${kind} is not a kind of finding.`, { hint: `Choose one of: ${FINDING_KINDS.join(', ')}.` });
    }
    const top = has(args, 'top') ? numberFlag(args, 'top', 0, 1, 1_000_000) : undefined;
    if (top !== undefined && !Number.isInteger(top)) throw new InputError(`--top must be a whole number, not ${top}.`);
    const status = flag(args, 'status');
    if (status !== undefined && !['open', 'accepted', 'dismissed'].includes(status)) {
      throw new InputError(`--status ${status} is not a finding status.`, { hint: 'Use open, accepted or dismissed.' });
    }
    const workspace = ctx.engine.sessions.get(path);
    const findings = new FindingsStore(workspace).list({ kind: kind as FindingKind | undefined, status: status as FindingStatus | undefined, top });
    if (findings.length === 0 && new FindingsStore(workspace).list({ top: 1 }).length === 0) {
      throw new InputError(`The workspace ${workspace.name} has no findings yet.`, { hint: `Train a model first: gemba train ${path}` });
    }
    if (has(args, 'json')) {
      printJson(ctx, findings.map(issueShape));
      return;
    }
    const lines = findings.map((f) => `${f.score.toExponential(2).padStart(9)}  ${(f.case ?? f.kind).padEnd(14)} ${f.conditions[0] ?? ''}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};

/** The shape of issue 10: the fields of a finding, in that order, without its status and comments. */
function issueShape(f: Finding): Omit<Finding, 'status' | 'comments'> {
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
