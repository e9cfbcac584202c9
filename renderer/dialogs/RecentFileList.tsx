import { useEffect, useState } from 'react';
import { recentFiles } from '../files/fileCommands';
import { Icon } from '../ui/icons';

/* The recent pipelines, as the welcome screen and the browser's Open dialog list them. */

export interface RecentFile {
  path: string;
  name: string;
  exists: boolean;
}

/** The host's recent files, read once when the component mounts (none until they come). */
export function useRecentFiles(): RecentFile[] {
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => void recentFiles().then(setRecent), []);
  return recent;
}

/** One button a file; a file that is gone is shown, disabled. */
export function RecentFileList({ files, onOpen }: { files: readonly RecentFile[]; onOpen: (path: string) => void }) {
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.path}>
          <button type="button" className="file-entry" disabled={!f.exists} onClick={() => onOpen(f.path)}>
            <Icon name="file" size={15} />
            <span className="file-name">{f.name}</span>
            <span className="file-path">{f.path}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
