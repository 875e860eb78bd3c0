import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { fitView, zoomView, type View } from './map-view-box.ts';
import { sanitizedSvg } from './svg-sanitize.ts';
import { keySelects, makeMapFocusable } from './map-keyboard.ts';

export type MapHit = { kind: 'activity'; index: number } | { kind: 'path'; index: number } | null;

/**
 * The laid-out map with pan (drag) and zoom (wheel at the mouse, buttons at the centre). Until
 * the user pans or zooms, every new map (first load, slider moves, a resized window) is fitted
 * whole to the frame, at whatever scale that takes; after that the user's view is kept until
 * "Fit" hands it back.
 */
export function MapCanvas({
  svg,
  selected,
  onSelect,
  onFitted,
  highlighted,
  marks,
  overlay,
}: {
  svg: string;
  selected: string | null;
  /** Element ids to stand out (a variant's path); the rest of the map is dimmed. */
  highlighted?: readonly string[] | null;
  /** A class per element id (a segment comparison colours what changed). */
  marks?: Readonly<Record<string, string>> | null;
  /** Drawn over the SVG under the same pan and zoom (the animation's canvas). */
  overlay?: ReactNode;
  onSelect(hit: MapHit): void;
  /** Told the scale of every automatic or asked-for fit, so the view can show fewer activities when it is unreadable. */
  onFitted?(scale: number): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const autoFit = useRef(true);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  const fitted = useRef(onFitted);
  useEffect(() => {
    fitted.current = onFitted;
  }, [onFitted]);
  const fit = useCallback(() => {
    const el = host.current?.firstElementChild as SVGSVGElement | null;
    const box = frame.current;
    if (!el || !box || box.clientWidth === 0 || box.clientHeight === 0) return;
    const next = fitView(
      { width: el.width.baseVal.value || 1, height: el.height.baseVal.value || 1 },
      { width: box.clientWidth, height: box.clientHeight },
    );
    setView(next);
    fitted.current?.(next.scale);
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const node = sanitizedSvg(svg);
    if (node) makeMapFocusable(node);
    el.replaceChildren(...(node ? [node] : []));
    if (autoFit.current) fit();
  }, [svg, fit]);

  useEffect(() => {
    const el = frame.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (autoFit.current) fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    for (const old of Array.from(el.querySelectorAll('.map-selected'))) old.classList.remove('map-selected');
    if (selected) el.querySelector(`[id="${CSS.escape(selected)}"]`)?.classList.add('map-selected');
  }, [svg, selected]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    for (const old of Array.from(el.querySelectorAll('.map-highlighted'))) old.classList.remove('map-highlighted');
    el.classList.toggle('map-dimmed', !!highlighted);
    for (const id of highlighted ?? []) el.querySelector(`[id="${CSS.escape(id)}"]`)?.classList.add('map-highlighted');
  }, [svg, highlighted]);

  useEffect(() => {
    const el = host.current;
    if (!el || !marks) return;
    const marked: Element[] = [];
    for (const [id, mark] of Object.entries(marks)) {
      const target = el.querySelector(`[id="${CSS.escape(id)}"]`);
      target?.classList.add(mark);
      if (target) marked.push(target);
    }
    return () => {
      for (const target of marked) target.classList.remove(...Object.values(marks));
    };
  }, [svg, marks]);

  const zoomAt = (factor: number, cx: number, cy: number) => {
    autoFit.current = false;
    setView((v) => zoomView(v, factor, cx, cy));
  };
  const zoomAtCentre = (factor: number) =>
    zoomAt(factor, (frame.current?.clientWidth ?? 0) / 2, (frame.current?.clientHeight ?? 0) / 2);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      autoFit.current = false;
      setView((v) => zoomView(v, Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onClick = (e: React.MouseEvent) => {
    if (drag.current?.moved) return;
    const target = (e.target as Element).closest('g.node, g.edge');
    const id = target?.id ?? '';
    const m = /^(act|path)_(\d+)$/.exec(id);
    onSelect(m ? { kind: m[1] === 'act' ? 'activity' : 'path', index: Number(m[2]) } : null);
  };

  return (
    <div className="map-frame" ref={frame} data-testid="map-canvas">
      <div
        className="map-stage"
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, moved: false };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || e.buttons !== 1) return;
          const dx = e.clientX - d.x;
          const dy = e.clientY - d.y;
          if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
          d.moved = true;
          d.x = e.clientX;
          d.y = e.clientY;
          autoFit.current = false;
          setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
        }}
        onPointerUp={() => {
          setTimeout(() => (drag.current = null), 0);
        }}
        onClick={onClick}
        onKeyDown={(e) => {
          if (!keySelects(e.key)) return;
          const target = (e.target as Element).closest('g.node, g.edge');
          if (!target) return;
          e.preventDefault();
          const m = /^(act|path)_(\d+)$/.exec(target.id);
          if (m) onSelect({ kind: m[1] === 'act' ? 'activity' : 'path', index: Number(m[2]) });
        }}
      >
        <div
          ref={host}
          className="map-svg"
          data-testid="map-svg"
          data-scale={view.scale.toFixed(3)}
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        />
        {overlay ? (
          <div
            className="map-overlay"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
          >
            {overlay}
          </div>
        ) : null}
      </div>
      <div className="map-zoom">
        <button
          type="button"
          className="small-button"
          aria-label="Zoom in"
          data-testid="zoom-in"
          onClick={() => zoomAtCentre(1.25)}
        >
          +
        </button>
        <button
          type="button"
          className="small-button"
          aria-label="Zoom out"
          data-testid="zoom-out"
          onClick={() => zoomAtCentre(0.8)}
        >
          −
        </button>
        <button
          type="button"
          className="small-button"
          data-testid="zoom-fit"
          title="Fit the map to the window (and keep fitting it as the sliders move)"
          onClick={() => {
            autoFit.current = true;
            fit();
          }}
        >
          Fit
        </button>
      </div>
    </div>
  );
}
