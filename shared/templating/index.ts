/** Airflow-compatible template rendering (Jinja syntax through nunjucks); see context.ts for the names. */
export { buildTemplateContext, jsonRendering } from './context';
export type { TemplateContext, TemplateContextInput } from './context';
export { isTemplate, renderConfig, renderString, renderValue, TemplateRenderError } from './render';
export type { LazyContext } from './render';
