/** What the host needs from the desktop shell: native dialogs and notifications (absent under `dagstudio serve`). */

import type { FILE_KINDS } from '../../shared/api';

export type FileKind = (typeof FILE_KINDS)[number];

export interface DialogsPort {
  openFile(options: { title?: string; kind: FileKind }): Promise<string | null>;
  saveFile(options: { title?: string; kind: FileKind; defaultName?: string }): Promise<string | null>;
}

/** Encrypts secrets at rest (Electron's safeStorage); under plain Node the settings file is mode 0600 instead. */
export type { SecretCipher } from '../runner';
