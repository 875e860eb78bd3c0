/** Replay speeds as a user chooses them: the whole log in a given time, or log time per second. */
export const REPLAY_SPEEDS = [
  { id: 'whole-30', label: 'whole log in 30 s', wholeIn: 30 },
  { id: 'whole-60', label: 'whole log in 1 min', wholeIn: 60 },
  { id: 'whole-180', label: 'whole log in 3 min', wholeIn: 180 },
  { id: 'hour', label: '1 hour per second', perSecond: 3600 },
  { id: 'day', label: '1 day per second', perSecond: 86_400 },
  { id: 'week', label: '1 week per second', perSecond: 7 * 86_400 },
] as const;

export type ReplaySpeedId = (typeof REPLAY_SPEEDS)[number]['id'];

/** Log seconds that pass per real second at a speed, for a log spanning `spanSeconds`. */
export function logSecondsPerSecond(id: ReplaySpeedId, spanSeconds: number): number {
  const speed = REPLAY_SPEEDS.find((s) => s.id === id) ?? REPLAY_SPEEDS[1];
  return 'wholeIn' in speed ? Math.max(1, spanSeconds) / speed.wholeIn : speed.perSecond;
}
