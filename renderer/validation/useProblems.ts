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
    if (state.doc !== previous.doc) schedule(state.doc);
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
