import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { validatePipeline } from '../../operators/pipeline';
import type { Pipeline } from '../../shared/pipeline/schema';
import { editorStore } from '../store/editor';
import { indexProblems, type LocatedProblem, type ProblemIndex } from './problemIndex';

/*
 * Problems of the open pipeline, recomputed shortly after each edit (the same shared/ rules the
 * CLI and the host use). Kept in their own store so a node subscribes to its own count only.
 */

const EMPTY: ProblemIndex = { all: [], byTask: new Map(), pipeline: [] };
const NONE: LocatedProblem[] = [];

export const problemStore = createStore<ProblemIndex & { doc: Pipeline | null }>()(() => ({ ...EMPTY, doc: null }));

export function validateNow(doc: Pipeline): ProblemIndex {
  const index = indexProblems(doc, validatePipeline(doc));
  problemStore.setState({ ...index, doc });
  return index;
}

let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * True when `next` differs from `previous` only in where tasks sit. No rule looks at positions, so a
 * drag (2,000 tasks, sixty edits a second) keeps the problems it had instead of validating each frame.
 */
export function onlyMoved(previous: Pipeline, next: Pipeline): boolean {
  if (previous.tasks === next.tasks || previous.tasks.length !== next.tasks.length) return false;
  for (const key of Object.keys(next) as (keyof Pipeline)[]) if (key !== 'tasks' && previous[key] !== next[key]) return false;
  if (Object.keys(previous).length !== Object.keys(next).length) return false;
  for (let i = 0; i < next.tasks.length; i++) {
    const a = previous.tasks[i]!;
    const b = next.tasks[i]!;
    if (a === b) continue;
    const keys = Object.keys(b) as (keyof typeof b)[];
    if (keys.length !== Object.keys(a).length) return false;
    for (const key of keys) if (key !== 'position' && a[key] !== b[key]) return false;
  }
  return true;
}

/** Starts following the editor: small documents validate at once, big ones after the typing pauses briefly. */
export function followEditor(): () => void {
  const schedule = (doc: Pipeline) => {
    if (timer) clearTimeout(timer);
    const delay = doc.tasks.length > 300 ? 250 : 40;
    timer = setTimeout(() => {
      timer = null;
      if (problemStore.getState().doc !== doc) validateNow(doc);
    }, delay);
  };
  schedule(editorStore.getState().doc);
  return editorStore.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    const checked = problemStore.getState();
    // Problems of the previous document still hold for this one: keep them (task indexes are unchanged too).
    if (checked.doc === previous.doc && onlyMoved(previous.doc, state.doc)) problemStore.setState({ doc: state.doc });
    else schedule(state.doc);
  });
}

export function useTaskProblemCount(id: string): number {
  return useStore(problemStore, (s) => s.byTask.get(id)?.length ?? 0);
}

export function useTaskProblems(id: string | null): LocatedProblem[] {
  return useStore(problemStore, (s) => (id === null ? NONE : (s.byTask.get(id) ?? NONE)));
}

export function useAllProblems(): LocatedProblem[] {
  return useStore(problemStore, (s) => s.all);
}

export function usePipelineProblems(): LocatedProblem[] {
  return useStore(problemStore, (s) => s.pipeline);
}
