import type { TaskState } from '../../shared/api/runs';
import type { OperatorCategory } from '../../shared/operator';

/** The accent colour of each palette category (CSS custom property names, themed in styles/theme.css). */
export const CATEGORY_ACCENT: Record<OperatorCategory, string> = {
  Core: 'var(--cat-core)',
  Python: 'var(--cat-python)',
  AWS: 'var(--cat-aws)',
  Containers: 'var(--cat-containers)',
  Sensors: 'var(--cat-sensors)',
  Notify: 'var(--cat-notify)',
};

/** Words on a node's state badge (Airflow's names, spelled for people). */
export const STATE_LABEL: Record<TaskState, string> = {
  none: '',
  scheduled: 'scheduled',
  queued: 'queued',
  running: 'running',
  success: 'success',
  failed: 'failed',
  up_for_retry: 'up for retry',
  upstream_failed: 'upstream failed',
  skipped: 'skipped',
};
