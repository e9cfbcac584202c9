import { useRef } from 'react';
import type { Task } from '../../shared/pipeline/schema';
import { useEditor } from './editor';

function sameExceptPosition(a: Task, b: Task): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Task)[];
  if (keys.length !== Object.keys(a).length) return false;
  for (const key of keys) if (key !== 'position' && a[key] !== b[key]) return false;
  return true;
}

/**
 * One task for its properties form: like useTask, but moving the task on the canvas does not
 * re-render the form (a drag changes the task's position sixty times a second).
 */
export function useTaskSettings(id: string): Task | undefined {
  const last = useRef<Task | undefined>(undefined);
  return useEditor((s) => {
    const task = s.tasksById.get(id);
    if (task && last.current && sameExceptPosition(last.current, task)) return last.current;
    last.current = task;
    return task;
  });
}
