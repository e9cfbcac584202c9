/** The runner's public surface: what the CLI, the host and the tests import. See runner.ts for the API. */
export { createRunner, RunnerError } from './runner';
export type { ListRunsFilter, Runner, RunnerOptions, StartedRun, StartOptions } from './runner';
export type { RecoveryReport } from './recovery';
export type { RunFile } from '../store/run-store';
export type { LogRange } from '../store/log-files';
export { SettingsStore, SettingsError } from '../store/settings';
export type { SecretCipher, SettingsSource, VariableInput, ConnectionInput } from '../store/settings';
export { spawnInPty } from './spawn';
export type { PtySpawnOptions } from './spawn';
