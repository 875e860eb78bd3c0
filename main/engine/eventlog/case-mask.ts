/**
 * Which cases an analysis looks at: one byte per case, 1 = kept, indexed like `log.caseStart`.
 * Filters become one CaseMask (analysis/filters.ts) that every view shares, and every analysis
 * takes `mask: CaseMask | null` (null = every case), so a plain byte array of events can never be
 * passed where cases are meant without the name saying so.
 */
export type CaseMask = Uint8Array;
