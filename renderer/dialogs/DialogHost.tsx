import { useDialog } from '../app/dialogs';
import { ConfirmDiscardDialog } from './ConfirmDiscardDialog';
import { ConnectionsDialog } from './ConnectionsDialog';
import { OpenDialog, SaveAsDialog } from './FileDialogs';
import { HelpDialog } from './HelpDialog';
import { ImportProblemsDialog } from './ImportProblemsDialog';
import { PipelineSettingsDialog } from './PipelineSettingsDialog';
import { VariablesDialog } from './VariablesDialog';

/** Renders the one open dialog. */
export function DialogHost() {
  const dialog = useDialog();
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'pipeline-settings':
      return <PipelineSettingsDialog />;
    case 'variables':
      return <VariablesDialog />;
    case 'connections':
      return <ConnectionsDialog />;
    case 'help':
      return <HelpDialog />;
    case 'open':
      return <OpenDialog />;
    case 'save-as':
      return <SaveAsDialog resolve={dialog.resolve} />;
    case 'import-problems':
      return <ImportProblemsDialog fileName={dialog.fileName} problems={dialog.problems} pipeline={dialog.pipeline} intro={dialog.intro} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog action={dialog.action} resolve={dialog.resolve} />;
  }
}
