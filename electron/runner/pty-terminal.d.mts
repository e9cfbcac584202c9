/** Types of pty-terminal.mjs (plain JavaScript, so the pty host process can run it without a TypeScript loader). */
export interface TerminalRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
  name: string;
}

export interface TerminalHandlers {
  onData: (bytes: Buffer) => void;
  onExit: (exitCode: number, signal: number | null) => void;
}

export function startTerminal(request: TerminalRequest, handlers: TerminalHandlers): number;
