import { memo } from 'react';
import { useTaskDurationMs } from './liveRun';
import { formatDuration } from './progress';

/** A finished task's duration on its node; reads one number of the run on screen, so only its node re-renders. */
export const TaskDuration = memo(function TaskDuration({ id }: { id: string }) {
  const ms = useTaskDurationMs(id);
  if (ms === null) return null;
  return (
    <span className="task-duration" data-testid={`duration-${id}`} title={`Took ${formatDuration(ms)}`}>
      {formatDuration(ms)}
    </span>
  );
});
