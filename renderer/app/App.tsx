import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { DialogHost } from '../dialogs/DialogHost';
import { Palette } from '../palette/Palette';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { RunArea } from '../run/RunArea';
import { useEditor } from '../store/editor';
import { Toolbar } from '../toolbar/Toolbar';
import { Welcome } from '../welcome/Welcome';
import { dialogStore } from './dialogs';
import { Notice } from './Notice';
import { handleShortcut } from './shortcuts';
import { StatusBar } from './StatusBar';

export function App() {
  const screen = useEditor((s) => s.screen);
  const loadCount = useEditor((s) => s.loadCount);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => handleShortcut(event, dialogStore.getState().kind !== 'none');
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <Palette />
        <RunArea>
          <ReactFlowProvider key={loadCount}>
            <Canvas />
          </ReactFlowProvider>
        </RunArea>
        <PropertiesPanel />
        {screen === 'welcome' ? <Welcome /> : null}
      </main>
      <StatusBar />
      <Notice />
      <DialogHost />
    </div>
  );
}
