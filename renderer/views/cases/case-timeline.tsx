import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CaseEvent } from '../../../preload/api.ts';
import { formatDuration, plural, type TimeFormat } from '../../components/format.ts';
import { layoutTimeline, offsetFromWallClock } from './timeline-layout.ts';

const RIGHT_MARGIN = 16;
/** Average width of a character of the 11 px lane labels, to fit them without measuring. */
const CHAR_WIDTH = 6.3;
const MAX_TRACED_EVENTS = 40;
const AXIS_HEIGHT = 22;
const TOP = 14;

/** Lane height by number of lanes: roomy for a few activities, compact for many. */
function laneHeightFor(lanes: number): number {
  return lanes <= 10 ? 20 : lanes <= 25 ? 14 : 9;
}

/** The plot's width follows the panel, so text stays at its real size whatever the window. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(320, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Tick labels in the reader's zone, as precise as the tick spacing needs. */
function tickLabel(times: TimeFormat, at: number, spanMs: number, stepMs: number): string {
  const text = times.timestamp(new Date(at).toISOString());
  if (spanMs < 86_400_000) return text.slice(11, 16);
  if (stepMs < 86_400_000) return `${text.slice(5, 10)} ${text.slice(11, 16)}`;
  if (spanMs < 300 * 86_400_000) return text.slice(5, 10);
  return text.slice(0, 10);
}

/**
 * One case along time: a lane per activity, a bar from start to completion where the event has a
 * start time, a dot where it has only a completion, a thin line through the events in order, and
 * the long idle stretches shaded with their length. Hover a mark for its activity and times;
 * click it to find the event in the table below.
 */
export function CaseTimeline({
  events,
  times,
  selected,
  onSelect,
}: {
  events: CaseEvent[];
  times: TimeFormat;
  selected: number | null;
  onSelect: (event: number) => void;
}) {
  const [container, width] = useWidth();
  // Lane labels get the room their longest name needs, up to a third of the width.
  const longest = events.reduce((n, e) => Math.max(n, e.activity.length), 0);
  const labelWidth = Math.round(Math.min(width / 3, Math.max(80, longest * CHAR_WIDTH + 12)));
  const labelChars = Math.floor((labelWidth - 12) / CHAR_WIDTH);
  const plotWidth = width - labelWidth - RIGHT_MARGIN;
  const layout = useMemo(() => {
    const first = events[0];
    const offset = first ? offsetFromWallClock(Date.parse(first.timestamp), times.timestamp(first.timestamp)) : 0;
    return layoutTimeline(events, plotWidth, offset);
  }, [events, plotWidth, times]);
  if (events.length === 0) return null;
  const laneHeight = laneHeightFor(layout.lanes.length);
  const plotHeight = layout.lanes.length * laneHeight;
  const height = TOP + plotHeight + AXIS_HEIGHT;
  const laneY = (lane: number) => TOP + lane * laneHeight + laneHeight / 2;
  const span = layout.to - layout.from;
  const step = layout.ticks.length > 1 ? layout.ticks[1]!.at - layout.ticks[0]!.at : span;
  const showLabels = laneHeight >= 14;
  const markHeight = Math.max(4, laneHeight * 0.55);
  // The path of the case: from each event's completion to the next event's start. Past a few
  // dozen events it turns into a tangle that hides the marks, so long cases go without it.
  const trace =
    events.length > MAX_TRACED_EVENTS
      ? ''
      : layout.marks
          .map(
            (m, i) =>
              `${i === 0 ? 'M' : 'L'}${(labelWidth + m.x).toFixed(1)},${laneY(m.lane).toFixed(1)}${m.width > 0 ? ` L${(labelWidth + m.x + m.width).toFixed(1)},${laneY(m.lane).toFixed(1)}` : ''}`,
          )
          .join(' ');

  return (
    <div className="case-timeline" ref={container} data-testid="case-timeline">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Timeline of ${plural(events.length, 'event')} over ${formatDuration(span / 1000)}`}
      >
        {layout.lanes.map((lane, i) => (
          <g key={lane} className="timeline-lane">
            {i % 2 === 0 ? (
              <rect
                x={labelWidth}
                y={TOP + i * laneHeight}
                width={plotWidth}
                height={laneHeight}
                className="timeline-lane-band"
              />
            ) : null}
            {showLabels ? (
              <text
                x={labelWidth - 6}
                y={laneY(i)}
                className="timeline-lane-label"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {lane.length > labelChars ? `${lane.slice(0, labelChars - 1)}…` : lane}
                <title>{lane}</title>
              </text>
            ) : null}
          </g>
        ))}
        {layout.gaps.map((gap, i) => (
          <g key={i} className="timeline-gap" data-testid="timeline-gap">
            <rect x={labelWidth + gap.x1} y={TOP} width={Math.max(0, gap.x2 - gap.x1)} height={plotHeight} />
            {gap.x2 - gap.x1 > 56 ? (
              <text x={labelWidth + (gap.x1 + gap.x2) / 2} y={TOP - 3} textAnchor="middle">
                idle {formatDuration(gap.seconds)}
              </text>
            ) : null}
            <title>{`Nothing happened for ${formatDuration(gap.seconds)}`}</title>
          </g>
        ))}
        {layout.ticks.map((tick) => (
          <g key={tick.at} className="timeline-tick">
            <line x1={labelWidth + tick.x} x2={labelWidth + tick.x} y1={TOP} y2={TOP + plotHeight + 4} />
            <text x={labelWidth + tick.x} y={TOP + plotHeight + 16} textAnchor="middle">
              {tickLabel(times, tick.at, span, step)}
            </text>
          </g>
        ))}
        {trace ? <path d={trace} className="timeline-trace" /> : null}
        {layout.marks.map((mark) => {
          const e = events[mark.event]!;
          const y = laneY(mark.lane);
          const title = [
            `${mark.event + 1}. ${e.activity}`,
            e.startTimestamp && !mark.instant
              ? `${times.timestamp(e.startTimestamp)} → ${times.timestamp(e.timestamp)} (${formatDuration((Date.parse(e.timestamp) - Date.parse(e.startTimestamp)) / 1000)})`
              : times.timestamp(e.timestamp),
            e.resource ? `by ${e.resource}` : null,
          ]
            .filter(Boolean)
            .join('\n');
          const className = `timeline-mark${selected === mark.event ? ' timeline-selected' : ''}`;
          return (
            <g key={mark.event} className={className} data-testid="timeline-mark" onClick={() => onSelect(mark.event)}>
              {mark.instant ? (
                <circle cx={labelWidth + mark.x} cy={y} r={Math.min(4.5, laneHeight / 3)} />
              ) : (
                <rect
                  x={labelWidth + mark.x}
                  y={y - markHeight / 2}
                  width={Math.max(2, mark.width)}
                  height={markHeight}
                  rx={2}
                />
              )}
              <title>{title}</title>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
