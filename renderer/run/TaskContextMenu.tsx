import { useEffect, useRef, useState } from 'react';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';
import { liveRunStore } from './liveRun';
import { panel } from './runPanel';
import { TASK_ACTIONS } from './taskActionList';
import { taskActionStates } from './taskScope';

/*
 * Right-click on a task node: its log and its run actions. Listens on the document for the node's own
 * contextmenu event, so the canvas needs no hook for it.
 */

interface Open {
  taskId: string;
  x: number;
  y: number;
}

/** The task node an event is about: the node under the pointer, or the focused node (the keyboard's menu key). */
function taskNodeOf(target: EventTarget | null): Element | null {
  if (!(target instanceof Element) || !target.closest('.canvas')) return null;
  return target.closest('.task-node[data-testid^="task-"]') ?? target.querySelector(':scope.react-flow__node > .task-node[data-testid^="task-"]');
}

export function TaskContextMenu() {
  const [open, setOpen] = useState<Open | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const node = taskNodeOf(event.target);
      if (!node) return;
      event.preventDefault();
      const taskId = node.getAttribute('data-testid')!.slice('task-'.length);
      editor().select({ tasks: [taskId] });
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      const box = node.getBoundingClientRect();
      setOpen({ taskId, x: fromKeyboard ? box.left + 12 : event.clientX, y: fromKeyboard ? box.bottom + 4 : event.clientY });
    };
    document.addEventListener('contextmenu', onContextMenu);
    return () => document.removeEventListener('contextmenu', onContextMenu);
  }, []);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event.type === 'pointerdown' && menu.current?.contains(event.target as Node)) return;
      setOpen(null);
    };
    document.addEventListener('pointerdown', close, true);
    document.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    window.addEventListener('wheel', close, { passive: true });
    return () => {
      document.removeEventListener('pointerdown', close, true);
      document.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
      window.removeEventListener('wheel', close);
    };
  }, [open]);

  if (!open) return null;
  const states = taskActionStates(liveRunStore.getState().record, open.taskId);
  const choose = (run: () => void) => () => {
    setOpen(null);
    run();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return (
    <div
      ref={menu}
      className="run-context-menu"
      role="menu"
      aria-label={`Task ${open.taskId}`}
      style={{ left: Math.min(open.x, window.innerWidth - 220), top: Math.min(open.y, window.innerHeight - 200) }}
      onKeyDown={onKeyDown}
      data-testid="task-menu"
    >
      <button type="button" role="menuitem" onClick={choose(() => {
          panel.showLog(open.taskId);
          panel.show('log');
        })}>
        <Icon name="list" size={14} />
        Show log
      </button>
      {TASK_ACTIONS.map((action) => (
        <button key={action.id} type="button" role="menuitem" disabled={!states[action.id].enabled} title={states[action.id].reason} onClick={choose(() => void action.run(open.taskId))}>
          <Icon name={action.icon} size={14} />
          {action.label}
        </button>
      ))}
    </div>
  );
}
