import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useResolvedTheme } from '../app/theme';
import type { FlowNode } from '../graph/flowModel';
import type { FlowEdge } from './flowTypes';

/*
 * The minimap, drawn on a <canvas>. React Flow's own minimap keeps one subscribed component per node,
 * so every frame of a pan ran 2,000 selectors; here the tasks are painted once per change of the
 * graph, and a pan only moves the viewport rectangle on top (one subscription).
 */

const WIDTH = 200;
const HEIGHT = 140;
const PAD = 0.08;

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boundsOf(nodes: readonly FlowNode[]): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const w = n.measured?.width ?? n.width ?? 0;
    const h = n.measured?.height ?? n.height ?? 0;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + w);
    maxY = Math.max(maxY, n.position.y + h);
  }
  if (!Number.isFinite(minX)) return null;
  const padX = (maxX - minX) * PAD + 40;
  const padY = (maxY - minY) * PAD + 40;
  return { x: minX - padX, y: minY - padY, width: maxX - minX + 2 * padX, height: maxY - minY + 2 * padY };
}

/** Scale and offset that fit `bounds` in the minimap, keeping proportions. */
function fit(bounds: Bounds): { scale: number; ox: number; oy: number } {
  const scale = Math.min(WIDTH / bounds.width, HEIGHT / bounds.height);
  return { scale, ox: (WIDTH - bounds.width * scale) / 2 - bounds.x * scale, oy: (HEIGHT - bounds.height * scale) / 2 - bounds.y * scale };
}

/* Theme colours, read from CSS once per theme (reading computed styles on every redraw showed in profiles). */
let colorCache: { theme: string; group: string; task: string; selected: string } | null = null;
function colorsFor(el: Element, theme: string): { group: string; task: string; selected: string } {
  if (colorCache?.theme === theme) return colorCache;
  const style = getComputedStyle(el);
  colorCache = {
    theme,
    group: style.getPropertyValue('--minimap-group').trim() || 'rgba(100,116,139,0.15)',
    task: style.getPropertyValue('--minimap-node').trim() || '#9aa3b2',
    selected: style.getPropertyValue('--primary').trim() || '#4f46e5',
  };
  return colorCache;
}

const viewSelector = (s: ReactFlowState) => `${s.transform[0]},${s.transform[1]},${s.transform[2]},${s.width},${s.height}`;

export const CanvasMinimap = memo(function CanvasMinimap({ nodes }: { nodes: readonly FlowNode[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useResolvedTheme();
  const bounds = useMemo(() => boundsOf(nodes), [nodes]);
  const view = useStore(viewSelector);
  const instance = useReactFlow<FlowNode, FlowEdge>();

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = WIDTH * ratio;
    el.height = HEIGHT * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (!bounds) return;
    const colors = colorsFor(el, theme);
    const { scale, ox, oy } = fit(bounds);
    ctx.fillStyle = colors.group;
    for (const n of nodes) {
      if (n.type !== 'group' || n.data.collapsed) continue;
      ctx.fillRect(ox + n.position.x * scale, oy + n.position.y * scale, (n.width ?? 0) * scale, (n.height ?? 0) * scale);
    }
    for (const n of nodes) {
      if (n.type === 'group' && !n.data.collapsed) continue;
      ctx.fillStyle = n.selected ? colors.selected : colors.task;
      const w = Math.max(1, (n.measured?.width ?? n.width ?? 0) * scale);
      const h = Math.max(1, (n.measured?.height ?? n.height ?? 0) * scale);
      ctx.fillRect(ox + n.position.x * scale, oy + n.position.y * scale, w, h);
    }
  }, [nodes, bounds, theme]);

  const [tx, ty, zoom, paneWidth, paneHeight] = view.split(',').map(Number) as [number, number, number, number, number];
  let viewport: { left: number; top: number; width: number; height: number } | null = null;
  if (bounds) {
    const { scale, ox, oy } = fit(bounds);
    // Clamped to the minimap, so a view larger than the pipeline still shows as a frame, not a stray line.
    const left = ox + (-tx / zoom) * scale;
    const top = oy + (-ty / zoom) * scale;
    const right = left + (paneWidth / zoom) * scale;
    const bottom = top + (paneHeight / zoom) * scale;
    const l = Math.max(0, Math.min(WIDTH - 2, left));
    const t = Math.max(0, Math.min(HEIGHT - 2, top));
    viewport = { left: l, top: t, width: Math.max(2, Math.min(WIDTH, right) - l), height: Math.max(2, Math.min(HEIGHT, bottom) - t) };
  }

  /* Clicking or dragging on the minimap centres the canvas on that point. */
  const centreAt = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (!bounds) return;
      const rect = event.currentTarget.getBoundingClientRect();
      const { scale, ox, oy } = fit(bounds);
      const x = (event.clientX - rect.left - ox) / scale;
      const y = (event.clientY - rect.top - oy) / scale;
      void instance.setCenter(x, y, { zoom: instance.getZoom() });
    },
    [bounds, instance],
  );

  return (
    <div
      className="minimap nodrag nopan nowheel"
      role="region"
      aria-label="Minimap: click or drag to move the view"
      data-testid="minimap"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        centreAt(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) centreAt(e);
      }}
    >
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} aria-hidden />
      {viewport ? (
        <div className="minimap-viewport" style={{ transform: `translate(${viewport.left}px, ${viewport.top}px)`, width: viewport.width, height: viewport.height }} />
      ) : null}
    </div>
  );
});
