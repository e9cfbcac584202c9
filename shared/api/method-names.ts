/**
 * Every method of the host API by name, without their schemas: what the sandboxed preload needs to build
 * `window.dagstudio` (it must stay small: it is parsed on every window load). A unit test keeps this list equal
 * to the keys of REQUESTS.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.openRequests',
  'dialogs.openFile',
  'dialogs.saveFile',
  'pipelines.new',
  'pipelines.open',
  'pipelines.save',
  'pipelines.saveAs',
  'pipelines.recent',
  'pipelines.importJson',
  'pipelines.validate',
  'pipelines.exportJson',
  'pipelines.exportAirflow',
  'examples.list',
  'examples.open',
  'runs.start',
  'runs.cancel',
  'runs.retryTask',
  'runs.clearTask',
  'runs.list',
  'runs.get',
  'runs.readLog',
  'runs.subscribe',
  'runs.unsubscribe',
  'variables.list',
  'variables.set',
  'variables.delete',
  'connections.list',
  'connections.set',
  'connections.delete',
  'preferences.get',
  'preferences.set',
] as const;
