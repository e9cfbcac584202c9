import type { ConnectionType } from '../../../shared/operator';
import { openDialog } from '../../app/dialogs';
import { useHostData } from '../../app/hostData';
import { Icon } from '../../ui/icons';
import { SelectInput } from './simpleInputs';

/** Picks a connection of the right type from the ones the host knows; a name that is not (yet) defined stays visible. */
export function ConnectionInput({
  id,
  value,
  onChange,
  connectionType,
  invalid,
  describedBy,
  testId,
}: {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  connectionType: ConnectionType | undefined;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const connections = useHostData((d) => d.connections);
  const names = connections.filter((c) => connectionType === undefined || c.type === connectionType).map((c) => c.name);
  const options = names.map((n) => ({ value: n, label: n }));
  if (value !== undefined && !names.includes(value)) options.unshift({ value, label: `${value} (not defined)` });
  return (
    <div className="connection-input">
      <SelectInput
        id={id}
        value={value}
        onChange={onChange}
        options={options}
        emptyLabel={names.length ? '— choose a connection —' : `— no ${connectionType ?? ''} connection yet —`}
        invalid={invalid}
        describedBy={describedBy}
        testId={testId}
      />
      <button type="button" className="icon-button" aria-label="Manage connections" title="Manage connections" onClick={() => openDialog({ kind: 'connections' })}>
        <Icon name="key" size={15} />
      </button>
    </div>
  );
}
