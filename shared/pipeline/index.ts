/** The pipeline file format: schema, parse, validate, serialize and migrations (DESIGN.md §2). */
export * from './schema';
export { parse, type ParseOptions, type ParseResult } from './parse';
export { validate, checkPipeline, type Checked } from './validate';
export { serialize } from './serialize';
export { MIGRATIONS, migrate, validateMigrations, checkVersion, oldestReadableVersion, type Migration, type MigrationResult, type Document } from './migrations';
export { parseJson, findJsonError, type JsonResult, type JsonSyntaxError } from './json';
export { plainEnglish, checkWith } from './messages';
export { closestMatches } from './closest';
export { pipelineJsonSchemaText } from './json-schema';
export type { OperatorLookup } from './lookup';
