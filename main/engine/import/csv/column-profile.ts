import type { AttributeType, ColumnProfile } from '../../../../preload/api.ts';
import { inferTimestampFormat } from '../timestamps/index.ts';
import { detectNumberFormat, isNumberColumn, type NumberFormatGuess } from './number-format.ts';
import { readBoolean } from './value-readers.ts';

/** A column is typed 'date' when this share of its sampled values reads as one format. */
export const TIMESTAMP_SHARE = 0.9;
/**
 * A column still counts as a timestamp candidate (it gets a `timestampFormat`) from this share
 * on, so that a dirty log's timestamp column is found and its bad rows rejected one by one.
 */
export const TIMESTAMP_CANDIDATE_SHARE = 0.5;

/** Epoch numbers are only taken for times in columns whose name says so. */
const TIME_LIKE_NAME = /time|date|stamp|^ts$|_ts$|_at$|created|updated|modified|start|end|complete/i;

/**
 * Type, emptiness and distinctness of one column from sampled values. The delimiter decides
 * between readings of numbers such as "1.234" (see number-format.ts).
 */
export function profileColumn(name: string, index: number, values: readonly string[], delimiter = ','): ColumnProfile {
  return columnEvidence(values, delimiter).profile(name, index);
}

/**
 * What a column's sampled values show, before its name is known: the head is profiled once with
 * positional names and again with the header's, and only epoch times depend on the name, so the
 * costly part (trying every timestamp format and number convention on every value) runs once.
 */
export interface ColumnEvidence {
  profile(name: string, index: number): ColumnProfile;
}

export function columnEvidence(values: readonly string[], delimiter = ','): ColumnEvidence {
  let emptyCount = 0;
  const distinct = new Set<string>();
  const nonEmpty: string[] = [];
  const sample: string[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') {
      emptyCount++;
      continue;
    }
    nonEmpty.push(v);
    if (!distinct.has(v)) {
      distinct.add(v);
      if (sample.length < 5) sample.push(raw);
    }
  }
  const guess = nonEmpty.length ? inferTimestampFormat(nonEmpty) : null;
  const isEpoch = guess !== null && guess.id.startsWith('epoch');
  const allBoolean = nonEmpty.length > 0 && nonEmpty.every((v) => readBoolean(v) !== null);
  let numbers: NumberFormatGuess | null | undefined;
  const numbersOf = () => (numbers ??= nonEmpty.length ? detectNumberFormat(nonEmpty, delimiter) : null);
  let isNumber: boolean | undefined;
  return {
    profile(name: string, index: number): ColumnProfile {
      let inferredType: AttributeType = 'string';
      const timestampFormat =
        guess && guess.parsedShare >= TIMESTAMP_CANDIDATE_SHARE && (!isEpoch || TIME_LIKE_NAME.test(name))
          ? guess
          : undefined;
      if (nonEmpty.length === 0) inferredType = 'string';
      else if (allBoolean) inferredType = 'boolean';
      else if (timestampFormat && timestampFormat.parsedShare >= TIMESTAMP_SHARE) inferredType = 'date';
      const numbers = inferredType === 'string' ? numbersOf() : null;
      if (numbers && (isNumber ??= isNumberColumn(nonEmpty, numbers))) inferredType = 'number';
      return {
        name,
        index,
        inferredType,
        ...(timestampFormat ? { timestampFormat: { ...timestampFormat } } : {}),
        ...(inferredType === 'number' ? { numberFormat: numbers!.format } : {}),
        emptyCount,
        distinctCount: distinct.size,
        sample: [...sample],
      };
    },
  };
}
