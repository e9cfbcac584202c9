import type { Task } from '../../shared/pipeline/schema';
import { useEditor } from './editor';

/** One task by id: a component using it re-renders only when that task's object changes. */
export function useTask(id: string): Task | undefined {
  return useEditor((s) => s.tasksById.get(id));
}
