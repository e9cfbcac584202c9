import type { RunRecord } from '../../shared/api/runs';
import { downstreamClosure, graphOf } from '../../shared/graph';
import type { Pipeline } from '../../shared/pipeline/schema';
import { isActive } from './liveRecord';

/** Which tasks a task's run actions cover, and when each action makes sense. */

/** "Run from here": the task and everything downstream of it, in file order. */
export function fromHere(pipeline: Pick<Pipeline, 'tasks' | 'edges'>, taskId: string): string[] {
  const closure = new Set(downstreamClosure(graphOf(pipeline), taskId));
  closure.add(taskId);
  return pipeline.tasks.map((t) => t.id).filter((id) => closure.has(id));
}

export type TaskAction = 'run-only' | 'run-from-here' | 'retry' | 'clear';

export interface ActionState {
  enabled: boolean;
  /** Why it is disabled, for the button's title. */
  reason?: string;
}

/**
 * What a task's actions may do now, given the run on screen. New runs start while no run is live; Retry takes a
 * failed task of the run on screen; Clear takes any of its tasks that is not running at the moment.
 */
export function taskActionStates(record: RunRecord | null, taskId: string): Record<TaskAction, ActionState> {
  const live = isActive(record);
  const state = record?.tasks[taskId]?.state ?? 'none';
  const newRun: ActionState = live ? { enabled: false, reason: 'A run is in progress' } : { enabled: true };
  return {
    'run-only': newRun,
    'run-from-here': newRun,
    retry: !record
      ? { enabled: false, reason: 'No run on screen' }
      : state === 'failed'
        ? { enabled: true }
        : { enabled: false, reason: `Only a failed task can be retried (this one is ${state.replace(/_/g, ' ')})` },
    clear: !record
      ? { enabled: false, reason: 'No run on screen' }
      : state === 'running'
        ? { enabled: false, reason: 'The task is running' }
        : !(taskId in record.tasks)
          ? { enabled: false, reason: 'This task is not part of the run on screen' }
          : { enabled: true },
  };
}
