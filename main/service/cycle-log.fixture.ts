/**
 * A CSV log for the measures and control-chart tests (service and CLI), its values worked out by hand.
 * Seven completed cases in three ISO weeks (Mondays 2024-01-01, -08, -15) and one running case.
 * Cycle times (Receive → Close), worked out by hand:
 *   week 1: c1 2 h, c2 4 h, c3 6 h   mean 4
 *   week 2: c4 3 h, c5 5 h           mean 4
 *   week 3: c6 10 h, c7 12 h         mean 11      (r1 is still running: no Close)
 * All: 42 h / 7 = 6 h, median 5 h. north: c1 c3 c5 c7 = 25/4 = 6.25 h; south: c2 c4 c6 = 17/3 h.
 */
const CASES: [string, string, number, string][] = [
  ['c1', '2024-01-02', 2, 'north'],
  ['c2', '2024-01-03', 4, 'south'],
  ['c3', '2024-01-04', 6, 'north'],
  ['c4', '2024-01-09', 3, 'south'],
  ['c5', '2024-01-10', 5, 'north'],
  ['c6', '2024-01-16', 10, 'south'],
  ['c7', '2024-01-17', 12, 'north'],
];
const hour = (h: number) => String(h).padStart(2, '0');
export const CYCLE_CSV = [
  'case,activity,timestamp,region',
  ...CASES.flatMap(([id, day, hours, region]) => [
    `${id},Receive,${day}T08:00:00Z,${region}`,
    `${id},Close,${day}T${hour(8 + hours)}:00:00Z,${region}`,
  ]),
  'r1,Receive,2024-01-18T08:00:00Z,north',
].join('\n');
