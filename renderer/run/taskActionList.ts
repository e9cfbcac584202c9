import { clearTask, retryTask, runFromHere, runOnly } from './runFlow';
import type { TaskAction } from './taskScope';

/** The task actions, in menu order, with the words and icons the panel and the context menu share. */
export const TASK_ACTIONS: readonly { id: TaskAction; label: string; icon: string; run: (taskId: string) => Promise<void> }[] = [
  { id: 'run-only', label: 'Run only this task', icon: 'play', run: runOnly },
  { id: 'run-from-here', label: 'Run from here', icon: 'run', run: runFromHere },
  { id: 'retry', label: 'Retry', icon: 'redo', run: retryTask },
  { id: 'clear', label: 'Clear', icon: 'undo', run: clearTask },
];
