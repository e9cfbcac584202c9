import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type FitViewOptions,
  type ReactFlowState,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { addTask, setEdgeLookup } from '../app/editCommands';
import { checkConnection } from '../graph/connection';
import { dropTargets, groupAt } from '../graph/dropTarget';
import { buildFlow, FlowCache, groupIdOf, isGroupNodeId, type FlowModel, type FlowNode, type Rect } from '../graph/flowModel';
import { GRID } from '../graph/geometry';
import { editor, useEditor } from '../store/editor';
import { useResolvedTheme } from '../app/theme';
import { setCanvasInstance } from './canvasApi';
import type { FlowEdge } from './flowTypes';
import { CanvasMinimap } from './CanvasMinimap';
import { GroupNode } from './GroupNode';
import { interpretEdgeSelection, interpretNodeChanges } from './nodeChanges';
import { TaskNode } from './TaskNode';
import { useGroupDrop } from './useGroupDrop';
import { OPERATOR_DRAG_TYPE } from '../palette/dragType';

const NODE_TYPES: NodeTypes = { task: TaskNode, group: GroupNode };
const SNAP_GRID: [number, number] = [GRID, GRID];
const DEFAULT_EDGE_OPTIONS = { type: 'default', interactionWidth: 16 };
const PRO_OPTIONS = { hideAttribution: true };
/* Above this many tasks, nodes and edges outside the viewport are not rendered at all. */
const VISIBLE_ONLY_THRESHOLD = 120;

let dragSequence = 0;
/* The undo key of the drag under way: one drag gesture is one undo step, however long it lasts. */
const currentDragKey = (): string => `drag:${dragSequence}`;

/* Below this zoom, nodes drop their details (icons, labels, notes, shadows): nothing readable is lost and
   the browser paints a fraction of the pixels when thousands of tasks are in view. */
const FAR_ZOOM = 0.45;
const isFar = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/**
 * What an opened pipeline first shows: all of it when it is small; for a big one, its beginning (the
 * tasks nearest the top-left) at a readable zoom — fitting thousands of tasks would draw every one of
 * them, too small to read. Fit view and the minimap still show the whole.
 */
function openingView(tasks: readonly { id: string; position: { x: number; y: number } }[]): FitViewOptions {
  if (tasks.length <= VISIBLE_ONLY_THRESHOLD) return { padding: 0.2, maxZoom: 1 };
  const first = [...tasks].sort((a, b) => a.position.x + a.position.y - (b.position.x + b.position.y)).slice(0, 24);
  return { padding: 0.1, maxZoom: 1, minZoom: 0.5, nodes: first.map((t) => ({ id: t.id })) };
}

export function Canvas() {
  const doc = useEditor((s) => s.doc);
  const selectedTasks = useEditor((s) => s.selectedTasks);
  const selectedGroups = useEditor((s) => s.selectedGroups);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const collapsedGroups = useEditor((s) => s.collapsedGroups);
  const measured = useEditor((s) => s.measured);
  const theme = useResolvedTheme();
  const cache = useRef(new FlowCache());
  // Fit an opened pipeline in view once; an empty canvas must not jump to fit the first task dropped on it.
  const [fitOnOpen] = useState(() => doc.tasks.length > 0);
  const [fitOptions] = useState(() => openingView(doc.tasks));
  const far = useStore(isFar);
  const [frozenFrames, setFrozenFrames] = useState<Map<string, Rect> | null>(null);
  const frozenRef = useRef<Map<string, Rect> | null>(null);
  const flow = useMemo(
    () => buildFlow(doc, { selectedTasks, selectedGroups, selectedEdges, collapsedGroups, measured, frozenFrames }, cache.current),
    [doc, selectedTasks, selectedGroups, selectedEdges, collapsedGroups, measured, frozenFrames],
  );
  const flowRef = useRef<FlowModel>(flow);
  flowRef.current = flow;
  useEffect(() => setEdgeLookup((id) => flowRef.current.edgeSources.get(id) ?? []), []);

  const instance = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setCanvasInstance(instance, wrapper.current);
    return () => setCanvasInstance(null, null);
  }, [instance]);

  /* The canvas pans through its viewport, never by scrolling: focusing a node at the edge would otherwise scroll the
     clipped container and leave the drawing out of step with the pointer. */
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const unscroll = (event: Event) => {
      const target = event.target as HTMLElement;
      if (target.scrollTop !== 0 || target.scrollLeft !== 0) {
        target.scrollTop = 0;
        target.scrollLeft = 0;
      }
    };
    element.addEventListener('scroll', unscroll, true);
    return () => element.removeEventListener('scroll', unscroll, true);
  }, []);

  /* Frames follow their members again: at the drop, and after an aborted drag (which has no drop). */
  const thawFrames = useCallback(() => {
    if (!frozenRef.current) return;
    frozenRef.current = null;
    setFrozenFrames(null);
  }, []);
  const { onNodeDragStart, onNodeDragStop: dropIntoGroup } = useGroupDrop(instance, flowRef, currentDragKey);
  const onNodeDragStop = useCallback<typeof dropIntoGroup>(
    (...args) => {
      thawFrames();
      dropIntoGroup(...args);
    },
    [dropIntoGroup, thawFrames],
  );

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const state = editor();
    // Tasks (no group frame) being dragged: their groups' frames hold still until the drop.
    if (!frozenRef.current && changes.some((c) => c.type === 'position' && c.dragging) && !changes.some((c) => c.type === 'position' && isGroupNodeId(c.id))) {
      frozenRef.current = flowRef.current.frames;
      setFrozenFrames(frozenRef.current);
    }
    const effects = interpretNodeChanges(changes, state.doc, flowRef.current.frames);
    if (effects.measured.length) state.setMeasured(effects.measured);
    if (Object.keys(effects.positions).length) {
      state.edit({ type: 'move-tasks', positions: effects.positions }, { key: currentDragKey(), windowMs: Infinity });
    }
    if (effects.dragEnded) {
      dragSequence++;
      thawFrames();
    }
    if (effects.select.length) {
      const tasks = new Set(state.selectedTasks);
      const groups = new Set(state.selectedGroups);
      for (const s of effects.select) {
        const set = s.kind === 'tasks' ? tasks : groups;
        if (s.selected) set.add(s.id);
        else set.delete(s.id);
      }
      state.select({ tasks, groups, edges: state.selectedEdges });
    }
  }, [thawFrames]);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selection = interpretEdgeSelection(changes);
    if (!selection.length) return;
    const state = editor();
    const edges = new Set(state.selectedEdges);
    for (const s of selection) {
      if (s.selected) edges.add(s.id);
      else edges.delete(s.id);
    }
    state.select({ tasks: state.selectedTasks, groups: state.selectedGroups, edges });
  }, []);

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback((c) => {
    if (isGroupNodeId(c.source) || isGroupNodeId(c.target)) return false;
    return checkConnection(editor().doc.edges, c.source, c.target).ok;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const state = editor();
    const verdict = checkConnection(state.doc.edges, c.source, c.target);
    if (!verdict.ok) {
      state.notify('error', verdict.message);
      return;
    }
    state.edit({ type: 'connect', edge: { from: c.source, to: c.target } });
  }, []);

  /* A refused connection ends without onConnect: say why, naming the cycle. */
  const onConnectEnd: OnConnectEnd = useCallback((_event, connection: FinalConnectionState) => {
    if (connection.isValid !== false || !connection.fromNode || !connection.toNode) return;
    let from = connection.fromNode.id;
    let to = connection.toNode.id;
    if (connection.fromHandle?.type === 'target') [from, to] = [to, from];
    if (isGroupNodeId(from) || isGroupNodeId(to)) {
      editor().notify('info', 'Expand the group to connect its tasks.');
      return;
    }
    const verdict = checkConnection(editor().doc.edges, from, to);
    if (!verdict.ok) editor().notify('error', verdict.message);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(OPERATOR_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const operator = event.dataTransfer.getData(OPERATOR_DRAG_TYPE);
      if (!operator) return;
      event.preventDefault();
      const client = { x: event.clientX, y: event.clientY };
      // Dropped onto a group (a frame, or a collapsed group's node): the new task is made inside it.
      const group = groupAt(instance.screenToFlowPosition(client, { snapToGrid: false }), dropTargets(flowRef.current.nodes));
      addTask(operator, instance.screenToFlowPosition(client), group);
    },
    [instance],
  );

  const onNodeDoubleClick = useCallback((_e: React.MouseEvent, node: FlowNode) => {
    if (isGroupNodeId(node.id)) editor().toggleCollapsed(groupIdOf(node.id));
  }, []);

  /* While the view moves, the drawing is one compositor layer that slides and scales without being repainted;
     at rest it is repainted crisp at the new zoom. */
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('is-moving'), []);

  const onPaneClick = useCallback(() => {
    const s = editor();
    if (s.selectedTasks.size || s.selectedGroups.size || s.selectedEdges.size) s.select({});
  }, []);

  return (
    <div className={far ? 'canvas is-far' : 'canvas'} ref={wrapper} data-testid="canvas">
      <ReactFlow<FlowNode, FlowEdge>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        snapToGrid
        snapGrid={SNAP_GRID}
        onlyRenderVisibleElements={doc.tasks.length > VISIBLE_ONLY_THRESHOLD}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        elevateNodesOnSelect={false}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2}
        fitView={fitOnOpen}
        fitViewOptions={fitOptions}
        colorMode={theme}
        proOptions={PRO_OPTIONS}
        aria-label="Pipeline canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        <Panel position="bottom-right">
          <CanvasMinimap nodes={flow.nodes} />
        </Panel>
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
      {doc.tasks.length === 0 ? (
        <div className="canvas-empty" aria-hidden>
          <p>Drag an operator from the palette, or click one to add it here.</p>
        </div>
      ) : null}
    </div>
  );
}
