import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProcessGraph, ReplayPaths } from '../../../../preload/api.ts';
import { formatCount } from '../../../components/format.ts';
import { REPLAY_SPEEDS, logSecondsPerSecond, type ReplaySpeedId } from './replay-speed.ts';
import { measureGeometry } from './map-geometry.ts';
import { paintTokens, pixelColour } from './paint-tokens.ts';
import { startPointers, tokenPositions, type ReplayGeometry } from './token-positions.ts';

const TOKEN_RADIUS = 3.5;
/** Above this many tokens a frame paints pixels (paint-tokens.ts): a canvas path of that many circles is too slow. */
const CIRCLES_UP_TO = 3000;
const TOKEN_COLOUR = pixelColour(230, 120, 0, 230);

export interface ReplayState {
  playing: boolean;
  /** Replay time, seconds after paths.startMs. */
  t: number;
}

/**
 * The animation: one canvas over the map (never a DOM node per token) redrawn each frame from the
 * columnar paths. The canvas lies in the map's stage under the same pan/zoom transform as the
 * SVG, sized like it, so the geometry measured from the drawn SVG (once per map) is in its pixels.
 * Only this bar re-renders while the replay runs (its clock, a few times a second), not the map.
 */
function useReplay(
  paths: ReplayPaths | null,
  canvas: RefObject<HTMLCanvasElement | null>,
  graph: Pick<ProcessGraph, 'activityStats' | 'pathStats'>,
  svgText: string,
) {
  const [geometry, setGeometry] = useState<ReplayGeometry | null>(null);
  useEffect(() => {
    const el = canvas.current;
    const svg = el?.closest('.map-stage')?.querySelector<SVGSVGElement>('.map-svg svg');
    if (!el || !svg || !paths) return setGeometry(null);
    el.width = Math.ceil(svg.width.baseVal.value);
    el.height = Math.ceil(svg.height.baseVal.value);
    setGeometry(measureGeometry(svg, graph, paths.activities));
  }, [canvas, paths, graph, svgText]);
  const [state, setState] = useState<ReplayState>({ playing: false, t: 0 });
  const [speed, setSpeed] = useState<ReplaySpeedId>('whole-60');
  const [moving, setMoving] = useState(0);
  const live = useRef({ t: 0, playing: false });
  const span = useMemo(
    () => (paths && paths.cases > 0 ? Math.max(1, (paths.endMs - paths.startMs) / 1000) : 0),
    [paths],
  );

  useEffect(() => {
    live.current.t = state.t;
    live.current.playing = state.playing;
  }, [state]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !paths || !geometry) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const pointer = startPointers(paths);
    const out = new Float32Array(2 * paths.cases);
    const rate = logSecondsPerSecond(speed, span);
    let last = performance.now();
    let frame = 0;
    let shownT = -1;
    let frames = 0;
    let image: ImageData | null = null;
    const draw = (now: number) => {
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      if (live.current.playing) {
        live.current.t = Math.min(span, live.current.t + dt * rate);
        if (live.current.t >= span) live.current.playing = false;
      }
      const t = live.current.t;
      if (t !== shownT) {
        shownT = t;
        const n = tokenPositions(paths, pointer, t, geometry, out);
        if (n <= CIRCLES_UP_TO) {
          ctx.clearRect(0, 0, el.width, el.height);
          ctx.fillStyle = 'rgba(230, 120, 0, 0.85)';
          ctx.beginPath();
          for (let i = 0; i < n; i++) {
            ctx.moveTo(out[2 * i] + TOKEN_RADIUS, out[2 * i + 1]);
            ctx.arc(out[2 * i], out[2 * i + 1], TOKEN_RADIUS, 0, 2 * Math.PI);
          }
          ctx.fill();
        } else {
          if (!image || image.width !== el.width || image.height !== el.height)
            image = ctx.createImageData(el.width, el.height);
          paintTokens(new Uint32Array(image.data.buffer), image.width, image.height, out, n, TOKEN_COLOUR);
          ctx.putImageData(image, 0, 0);
        }
        // React state (the clock and counts) follows a few times a second, not every frame.
        if (++frames % 6 === 0 || !live.current.playing) {
          setMoving(n);
          setState((s) => (s.t === t && s.playing === live.current.playing ? s : { playing: live.current.playing, t }));
        }
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [canvas, paths, geometry, speed, span]);

  const setPlaying = (playing: boolean) => {
    const t = playing && live.current.t >= span ? 0 : live.current.t;
    live.current = { t, playing };
    setState({ t, playing });
  };
  const seek = (t: number) => {
    live.current.t = t;
    setState((s) => ({ ...s, t }));
  };
  return { state, speed, setSpeed, setPlaying, seek, span, moving };
}

export interface ReplayBarProps {
  paths: ReplayPaths | null;
  /** The canvas the map draws over its SVG (MapCanvas `overlay`). */
  canvas: RefObject<HTMLCanvasElement | null>;
  /** The map's graph and SVG text: the geometry is measured again when they change. */
  graph: Pick<ProcessGraph, 'activityStats' | 'pathStats'>;
  svg: string;
  clock(ms: number): string;
  onClose(): void;
}

/** Start/pause, a scrubber, the clock, the cases in motion and the speed. */
export function ReplayBar({ paths, canvas, graph, svg, clock, onClose }: ReplayBarProps) {
  const { state, speed, setSpeed, setPlaying, seek, span, moving } = useReplay(paths, canvas, graph, svg);
  return (
    <div className="replay-bar" data-testid="replay-bar" role="group" aria-label="Animation">
      <button
        type="button"
        className="small-button primary"
        data-testid="replay-play"
        disabled={!paths || paths.cases === 0}
        onClick={() => setPlaying(!state.playing)}
      >
        {state.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <input
        type="range"
        min={0}
        max={span || 1}
        step={Math.max(1, span / 1000)}
        value={state.t}
        aria-label="replay position"
        data-testid="replay-position"
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span className="replay-clock" data-testid="replay-clock" aria-live="off">
        {paths && paths.cases > 0
          ? clock(paths.startMs + state.t * 1000)
          : paths
            ? 'No case to replay'
            : 'Preparing the replay…'}
      </span>
      <span className="muted small" data-testid="replay-moving">
        {formatCount(moving)} of {formatCount(paths?.cases ?? 0)} cases moving
      </span>
      <select
        value={speed}
        aria-label="replay speed"
        data-testid="replay-speed"
        onChange={(e) => setSpeed(e.target.value as ReplaySpeedId)}
      >
        {REPLAY_SPEEDS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <button type="button" className="small-button" data-testid="replay-close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
