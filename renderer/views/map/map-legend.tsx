/**
 * What the map's line styles mean, in a corner of the frame: dotted start/end paths, dashed
 * paths through hidden activities (only when the activities slider hides some), red bottlenecks
 * (only when the map marks them), and the clock durations are in.
 */
export function MapLegend({
  throughHidden,
  bottlenecks,
  workingTime,
}: {
  throughHidden: boolean;
  bottlenecks: boolean;
  workingTime: boolean;
}) {
  const line = (dash: string | undefined, colour: string) => (
    <svg width="28" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="27" y2="4" stroke={colour} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
  return (
    <div className="map-legend small" data-testid="map-legend" aria-label="Legend">
      {/* Short words on one line so every entry fits beside the others (working hours on, too); the full sense is in each title. */}
      <span title="Dotted: from the start of cases, or to their end">{line('1 3', '#5f7a94')} start / end</span>
      {throughHidden ? (
        <span
          data-testid="legend-through-hidden"
          title="Dashed: the path joins two shown activities with hidden activities between them in some or all of its cases"
        >
          {line('5 3', '#5f7a94')} via hidden activities
        </span>
      ) : null}
      {bottlenecks ? (
        <span data-testid="legend-bottleneck" title="Red: the paths with the most total waiting time">
          {line(undefined, '#d62728')} bottleneck
        </span>
      ) : null}
      {workingTime ? (
        <span data-testid="legend-working-time" title="Durations count only working hours on working days">
          working time (hours)
        </span>
      ) : null}
    </div>
  );
}
