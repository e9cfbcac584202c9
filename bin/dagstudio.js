#!/usr/bin/env node
// In a checkout the CLI runs from its TypeScript sources (never a stale build);
// a packaged app ships the bundled dist/cli.js instead.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../electron/cli.ts', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

// Task logs are for the user's output: the AWS SDK's notice about future Node versions would land in every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let entry = bundle;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { runAsProcess } = await import(pathToFileURL(entry).href);
runAsProcess(process.argv.slice(2));
