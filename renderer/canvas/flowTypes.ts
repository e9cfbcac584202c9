import type { Edge } from '@xyflow/react';
export type { FlowNode } from '../graph/flowModel';
export type FlowEdge = Edge;
