import { useCallback, useEffect, useRef, useState } from 'react';
import { sanitizedSvg } from './svg-sanitize.ts';

export type MapHit = { kind: 'activity'; index: number } | { kind: 'path'; index: number } | null;

interface View {
  x: number;
  y: number;
  scale: number;
}

/**
 * The laid-out map with pan (drag) and zoom (wheel, buttons). The view is kept when the SVG is
 * replaced by a slider move, so the user's place stays put; "Fit" resets it.
 */
export function MapCanvas({ svg, selected, onSelect }: { svg: string; selected: string | null; onSelect(hit: MapHit): void }) {
  const host = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const fitted = useRef(false);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  const fit = useCallback(() => {
    const el = host.current?.firstElementChild as SVGSVGElement | null;
    const box = frame.current?.getBoundingClientRect();
    if (!el || !box) return;
    const w = el.width.baseVal.value || 1;
    const h = el.height.baseVal.value || 1;
    const scale = Math.min(1.5, (box.width - 24) / w, (box.height - 24) / h);
    setView({ scale, x: (box.width - w * scale) / 2, y: Math.max(12, (box.height - h * scale) / 2) });
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const node = sanitizedSvg(svg);
    el.replaceChildren(...(node ? [node] : []));
    if (!fitted.current) {
      fitted.current = true;
      fit();
    }
  }, [svg, fit]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    for (const old of Array.from(el.querySelectorAll('.map-selected'))) old.classList.remove('map-selected');
    if (selected) el.querySelector(`[id="${CSS.escape(selected)}"]`)?.classList.add('map-selected');
  }, [svg, selected]);

  const zoomAt = (factor: number, cx: number, cy: number) =>
    setView((v) => {
      const scale = Math.min(8, Math.max(0.05, v.scale * factor));
      const k = scale / v.scale;
      return { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
    });

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
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
          setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
        }}
        onPointerUp={() => {
          setTimeout(() => (drag.current = null), 0);
        }}
        onClick={onClick}
      >
        <div ref={host} className="map-svg" data-testid="map-svg" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }} />
      </div>
      <div className="map-zoom">
        <button type="button" className="small-button" aria-label="Zoom in" onClick={() => zoomAt(1.25, (frame.current?.clientWidth ?? 0) / 2, (frame.current?.clientHeight ?? 0) / 2)}>
          +
        </button>
        <button type="button" className="small-button" aria-label="Zoom out" onClick={() => zoomAt(0.8, (frame.current?.clientWidth ?? 0) / 2, (frame.current?.clientHeight ?? 0) / 2)}>
          −
        </button>
        <button type="button" className="small-button" onClick={fit}>
          Fit
        </button>
      </div>
    </div>
  );
}
