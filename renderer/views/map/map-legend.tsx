/**
 * What the map's line styles mean, in a corner of the frame: dotted start/end paths, dashed
 * paths through hidden activities (only when the activities slider hides some), red bottlenecks
 * (only when the map marks them), and the clock durations are in.
 */
export function MapLegend({ throughHidden, bottlenecks, workingTime }: { throughHidden: boolean; bottlenecks: boolean; workingTime: boolean }) {
  const line = (dash: string | undefined, colour: string) => (
    <svg width="28" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="27" y2="4" stroke={colour} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
  return (
    <div className="map-legend small" data-testid="map-legend" aria-label="Legend">
      <span>{line('1 3', '#5f7a94')} case starts / ends</span>
      {throughHidden ? (
        <span data-testid="legend-through-hidden" title="The path joins two shown activities with hidden activities between them in some or all of its cases">
          {line('5 3', '#5f7a94')} passes through hidden activities
        </span>
      ) : null}
      {bottlenecks ? (
        <span data-testid="legend-bottleneck">
          {line(undefined, '#d62728')} bottleneck (most total waiting time)
        </span>
      ) : null}
      {workingTime ? <span data-testid="legend-working-time">durations: working time in hours</span> : null}
    </div>
  );
}
