/** Which import path a chosen file takes: CSV gets the mapping screen, XES goes straight in. */
export type FileKind = 'csv' | 'xes' | 'unknown';

export function fileKindOf(name: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xes') || lower.endsWith('.xes.gz') || lower.endsWith('.gz')) return 'xes';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  return 'unknown';
}

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xes,.gz';
