import { useState } from 'react';
import { useEditor } from '../store/editor';
import { useAllProblems } from '../validation/useProblems';
import { GroupProperties } from './GroupProperties';
import { ProblemsList } from './ProblemsList';
import { MultiSelection, PipelineSummary } from './SelectionSummary';
import { TaskProperties } from './TaskProperties';

type Tab = 'properties' | 'problems';

/** The right-hand panel: what is selected, or the pipeline's problems. */
export function PropertiesPanel() {
  const [tab, setTab] = useState<Tab>('properties');
  const problemCount = useAllProblems().length;
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Details">
        <button type="button" role="tab" id="tab-properties" aria-selected={tab === 'properties'} aria-controls="panel-properties" className="tab" onClick={() => setTab('properties')}>
          Properties
        </button>
        <button type="button" role="tab" id="tab-problems" aria-selected={tab === 'problems'} aria-controls="panel-problems" className="tab" onClick={() => setTab('problems')} data-testid="problems-tab">
          Problems
          <span className={`count-badge${problemCount ? ' has-problems' : ''}`} data-testid="problem-count">
            {problemCount}
          </span>
        </button>
      </div>
      <div className="side-scroll" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'properties' ? <SelectionView /> : <ProblemsList />}
      </div>
    </aside>
  );
}

function SelectionView() {
  const single = useEditor((s) => {
    const count = s.selectedTasks.size + s.selectedGroups.size + s.selectedEdges.size;
    if (count === 0) return 'none';
    if (count > 1) return 'many';
    if (s.selectedTasks.size === 1) return `task:${[...s.selectedTasks][0]}`;
    if (s.selectedGroups.size === 1) return `group:${[...s.selectedGroups][0]}`;
    return 'many';
  });
  if (single === 'none') return <PipelineSummary />;
  if (single === 'many') return <MultiSelection />;
  if (single.startsWith('task:')) {
    const id = single.slice(5);
    return <TaskProperties key={id} taskId={id} />;
  }
  return <GroupProperties groupId={single.slice(6)} />;
}
