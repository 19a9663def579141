/**
 * Department intake (issue 6): YAML declarations under systems/<department>/<system>.yaml and
 * systems/_platform/*.yaml, checked and built into the same constructs as TypeScript declarations.
 * Must never import cdktf: `kiban validate` has to start fast.
 */
export { parseDeclarationFile, MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_DEPTH } from './parse';
export type { ParsedDeclarationFile, DeclarationKind } from './parse';
export { validateFiles, validateSources, loadDeclarations, declarationFiles, PLATFORM_FOLDER } from './validate';
export type { ValidationReport, ValidateOptions, FileReport, LoadOptions } from './validate';
export { systemJsonSchema, dedicatedVlansJsonSchema, dedicatedVlansFileSchema, schemaFiles } from './schema';
export { IntakeError, formatIntakeIssue } from './issues';
export type { IntakeIssue, Severity } from './issues';
export { systemConstructId, vlanConstructId } from './build';
export { runValidateCli } from './validate-cli';
