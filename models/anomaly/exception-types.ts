import type { FeatureSpec } from '../features/index.ts';
import type { Finding, ModelRecord } from '../registry/index.ts';
import { fmtNumber } from './conditions-in-words.ts';

/**
 * Exception types: anomalous cases grouped by what makes them unusual, so a process owner sees
 * a few types rather than a list of hundreds of cases. A case's type is the family of its top
 * explanation feature ("unusual resource at …", "… missing", "waiting time before …"), the
 * activity left out so that contractors at three steps make one type; each type is named by
 * its conditions in words with the activities and the values its cases share, its count, and a
 * trend (cases per month in the later half of the period against the earlier half).
 */
export function exceptionTypes(
  findings: Finding[],
  features: FeatureSpec[],
  caseStart: Map<string, number>,
  model: ModelRecord,
): Finding[] {
  const byName = new Map(features.map((f) => [f.name, f]));
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.kind !== 'anomaly' || f.explanation.length === 0) continue;
    const top = byName.get(f.explanation[0].feature);
    if (!top) continue;
    const key = familyOf(top);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const times = [...caseStart.values()];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const middle = (first + last) / 2;
  const out: Finding[] = [];
  for (const [family, members] of groups) {
    const activities = countBy(
      members.map((m) => byName.get(m.explanation[0].feature)?.activity).filter((a): a is string => !!a),
    );
    const early = members.filter((m) => (caseStart.get(m.case!) ?? 0) < middle).length;
    const late = members.length - early;
    const trend =
      members.length < 4
        ? 'too few to tell'
        : late > 1.5 * early
          ? 'rising'
          : early > 1.5 * late
            ? 'falling'
            : 'steady';
    const name = typeName(family, activities, members);
    const meanScore = members.reduce((s, m) => s + m.score, 0) / members.length;
    out.push({
      id: typeId(model.label, family),
      kind: 'exception-type',
      activity: activities[0]?.[0],
      score: meanScore,
      confidence: members.reduce((s, m) => s + m.confidence, 0) / members.length,
      prediction: members.reduce((s, m) => s + m.prediction, 0) / members.length,
      baseValue: members[0].baseValue,
      // The type's explanation is its cases' mean contribution per feature (additive like theirs).
      explanation: meanExplanation(members),
      conditions: [
        name,
        `${members.length} case${members.length === 1 ? '' : 's'}: ${members
          .slice(0, 5)
          .map((m) => m.case)
          .join(', ')}${members.length > 5 ? ', …' : ''}`,
        `trend: ${trend} (${early} in the first half of the period, ${late} in the second)`,
      ],
      kpiEffect: {
        cases: members.length,
        addedCycleTimeHours: members.reduce(
          (s, m) => s + (typeof m.kpiEffect.addedCycleTimeHours === 'number' ? m.kpiEffect.addedCycleTimeHours : 0),
          0,
        ),
        trend,
      },
      modelVersion: model.label,
      dataFingerprint: model.dataFingerprint,
    });
  }
  return out.sort((a, b) => Number(b.kpiEffect.cases) - Number(a.kpiEffect.cases) || b.score - a.score);
}

/** The stable id of a type: the model and the family ("anomaly-v2:type:unusual-resource-at"). */
function typeId(modelLabel: string, family: string): string {
  return `${modelLabel.replace(' ', '-')}:type:${family.replace(/[^A-Za-z0-9:]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/**
 * The id of the exception type a case finding belongs to (its top feature's family), so the
 * cases of a type can be listed again from the stored findings; null when it belongs to none.
 */
export function exceptionTypeIdOf(
  finding: Pick<Finding, 'kind' | 'explanation' | 'modelVersion'>,
  features: FeatureSpec[],
): string | null {
  if (finding.kind !== 'anomaly' || finding.explanation.length === 0) return null;
  const top = features.find((f) => f.name === finding.explanation[0].feature);
  return top ? typeId(finding.modelVersion, familyOf(top)) : null;
}

/** Features that say the same thing about a case share a family (and so a type). */
function familyOf(spec: FeatureSpec): string {
  if (
    spec.name === 'case duration' ||
    spec.name === 'longest wait against its usual' ||
    spec.name.startsWith('waiting time before ')
  )
    return 'slow';
  if (spec.name.endsWith('transition surprise')) return 'path';
  if (spec.attribute && spec.unit === 'value') return `value:${spec.attribute}`;
  return spec.activity ? spec.name.replace(spec.activity, '…') : spec.name;
}

function countBy(xs: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

function typeName(family: string, activities: [string, number][], members: Finding[]): string {
  // Counts beside the activities unless one activity covers every case of the type.
  const whole = activities.length === 1 && activities[0][1] === members.length;
  const at = activities.length ? ` at ${activities.map(([a, n]) => (whole ? a : `${a} (${n})`)).join(', ')}` : '';
  const first = members[0].conditions[0] ?? '';
  if (family === 'unusual resource at …') {
    // "Dispatch Shipment done by Contractor 07 (…)": the shared first word of the resources names them.
    const who = countBy(members.map((m) => /done by (\S+)/.exec(m.conditions[0] ?? '')?.[1] ?? '').filter(Boolean));
    // Night or weekend when most of the group's unusual steps were (the words say it per case).
    const offHours = members.filter((m) => /, at (night|a weekend)/.test(m.conditions[0] ?? '')).length;
    const when = offHours >= (2 / 3) * members.length ? 'night and weekend work' : 'work';
    return `${when} by unusual resources${
      who.length
        ? ` (${who
            .map(([w]) => w)
            .slice(0, 3)
            .join(', ')})`
        : ''
    }${at}`;
  }
  if (family === 'unusual hour at …') return `work at unusual hours${at}`;
  if (family === '… missing') return `usual step skipped${at}: ${first}`;
  if (family === 'repetitions of …') return `rework loops${at}`;
  if (family === 'slow')
    return `very slow cases${activities.length ? ` (longest waits before ${activities.map(([a, n]) => `${a} (${n})`).join(', ')})` : ''}`;
  if (family === 'path') return 'unusual paths through the process';
  if (family.startsWith('value:')) {
    const values = members.map((m) => m.explanation[0].value).filter((v): v is number => v !== null);
    const name = family.slice('value:'.length);
    return `extreme ${name}${values.length ? ` (${fmtNumber(Math.min(...values))} to ${fmtNumber(Math.max(...values))})` : ''}`;
  }
  return `unusual ${family}${at}`;
}

function meanExplanation(members: Finding[]): Finding['explanation'] {
  const sums = new Map<string, number>();
  for (const m of members)
    for (const e of m.explanation) sums.set(e.feature, (sums.get(e.feature) ?? 0) + e.contribution);
  return [...sums]
    .map(([feature, s]) => ({ feature, value: null, contribution: s / members.length }))
    .sort((a, b) => b.contribution - a.contribution);
}
