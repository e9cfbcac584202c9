import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flowTypes';

/* The canvas's React Flow instance, for commands that live outside the canvas (toolbar, shortcuts, problems list). */
let instance: ReactFlowInstance<FlowNode, FlowEdge> | null = null;
let pane: HTMLElement | null = null;

export function setCanvasInstance(next: ReactFlowInstance<FlowNode, FlowEdge> | null, element: HTMLElement | null): void {
  instance = next;
  pane = element;
}

/** The flow coordinates at the middle of the visible canvas (where click-to-add puts a task). */
export function viewportCenter(): { x: number; y: number } {
  if (!instance || !pane) return { x: 0, y: 0 };
  const rect = pane.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}

export function screenToFlow(point: { x: number; y: number }): { x: number; y: number } {
  return instance ? instance.screenToFlowPosition(point) : point;
}

export function fitView(): void {
  void instance?.fitView({ padding: 0.15, duration: 200, maxZoom: 1.25 });
}

export function focusNode(id: string): void {
  if (!instance) return;
  const node = instance.getInternalNode(id);
  if (!node) return;
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  void instance.setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, {
    zoom: Math.max(instance.getZoom(), 0.9),
    duration: 250,
  });
}

export function zoomBy(factor: number): void {
  if (!instance) return;
  void (factor > 1 ? instance.zoomIn({ duration: 120 }) : instance.zoomOut({ duration: 120 }));
}
