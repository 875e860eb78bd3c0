import type { AnomalyKind } from '../../bench/generator/order-to-cash.ts';

/**
 * Whether an explanation's top feature names the cause the generator injected: the features a
 * process owner would accept as "that is what is wrong with this case" for each kind.
 */
export function namesCause(kind: AnomalyKind, feature: string): boolean {
  switch (kind) {
    case 'skipped_approval':
      return feature === 'Approve Order missing';
    case 'rework_loop':
      return feature === 'repetitions of Amend Order' || feature === 'repetitions of Check Credit';
    case 'extreme_duration':
      return (
        feature.startsWith('waiting time before ') ||
        feature === 'case duration' ||
        feature === 'longest wait against its usual'
      );
    case 'night_work':
      return /^unusual (resource|hour) at |^events at night|^events on (Saturday|Sunday)$|^unusual weekday/.test(
        feature,
      );
    case 'extreme_value':
      return feature === 'amount';
  }
}
