import {
  FINDING_KINDS,
  FINDING_STATUSES,
  type FindingKind,
  type FindingStatus,
  type FindingSummary,
} from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE = `gemba findings WS [--kind ${FINDING_KINDS.join('|')}] [--status ${FINDING_STATUSES.join('|')}] [--top N] [--filter JSON] [--json]`;

export const findingsCommand: Command = {
  name: 'findings',
  usage: USAGE,
  summary:
    'Findings of the newest models, highest score first, each with its explanation, conditions in words and KPI effect.',
  valueFlags: ['kind', 'status', 'top', 'filter'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const kind = flag(args, 'kind');
    if (kind !== undefined && !FINDING_KINDS.includes(kind as FindingKind)) {
      throw new InputError(`--kind ${kind} is not a kind of finding.`, {
        hint: `Choose one of: ${FINDING_KINDS.join(', ')}.`,
      });
    }
    const status = flag(args, 'status');
    if (status !== undefined && !FINDING_STATUSES.includes(status as FindingStatus)) {
      throw new InputError(`--status ${status} is not a finding status.`, {
        hint: `Use ${FINDING_STATUSES.join(', ')}.`,
      });
    }
    const top = has(args, 'top') ? numberFlag(args, 'top', 0, 1, 1_000_000) : undefined;
    if (top !== undefined && !Number.isInteger(top)) throw new InputError(`--top must be a whole number, not ${top}.`);
    const list = await ctx.api.findings(path, {
      kind: kind as FindingKind | undefined,
      status: status as FindingStatus | undefined,
      top,
      filters: filtersFrom(args),
    });
    if (list.total === 0)
      throw new InputError('The workspace has no findings yet.', { hint: `Train a model first: gemba train ${path}` });
    if (has(args, 'json')) {
      printJson(ctx, list.findings.map(issueShape));
      return;
    }
    const subjects = list.findings.map((f) => f.case ?? f.activity ?? f.kind);
    const width = Math.max(7, ...subjects.map((x) => x.length));
    const header = `${'Score'.padStart(16)}  ${'Status'.padEnd(9)} ${'Subject'.padEnd(width)}  Main condition`;
    const lines = list.findings.map(
      (f, i) =>
        `${scoreInWords(f).padStart(16)}  ${f.status.padEnd(9)} ${subjects[i].padEnd(width)}  ${f.conditions[0] ?? ''}`,
    );
    const note = list.findings.some((f) => f.kind !== 'bottleneck')
      ? 'Rarity: how unusual, as a power of ten (rarity 6 = about 1 in a million cases as unusual in its most unusual respect).'
      : 'Score: hours the wait grows from low to high load.';
    ctx.stdout.write(`${[header, ...lines, note].join('\n')}\n`);
  },
};

/**
 * A score people can read: an anomaly's score is about 1/p − 1 summed over features (p its tail
 * probability), so log10(1 + score) is the rarity as a power of ten; a bottleneck's is hours.
 */
export function scoreInWords(f: Pick<FindingSummary, 'kind' | 'score'>): string {
  if (f.kind === 'bottleneck') return `+${f.score.toFixed(1)} h at load`;
  return `rarity ${Math.log10(1 + Math.max(0, f.score)).toFixed(1)}`;
}

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
