/**
 * Estate folders and department intake: the platform's data (`<estate>/platform/*.yaml`) and YAML
 * declarations (`<estate>/systems/<department>/<system>.yaml`), checked and built into the same
 * constructs as TypeScript declarations. Must never import cdktf: `kiban validate` has to start fast.
 */
export { parseDeclarationFile, MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_DEPTH, PLATFORM_FOLDER } from './parse';
export type { ParsedDeclarationFile, DeclarationKind } from './parse';
export {
  checkEstate,
  loadEstate,
  loadPlatform,
  clockSourceOf,
  estateFiles,
  SYSTEMS_FOLDER,
  ESTATE_SCRIPT,
} from './estate';
export type { EstateCheck, EstateFiles, EstateLoadOptions, EstateLocation, EstateScript, ClockSource } from './estate';
export { validateFiles, validateSources, validateParsed, declarationFiles } from './validate';
export type { ValidationReport, ValidateOptions, FileReport } from './validate';
export {
  systemJsonSchema,
  platformJsonSchema,
  platformFileSchema,
  sharedLicensesSchema,
  clockSettingSchema,
  SHARED_LICENSE_IDS,
  schemaFiles,
} from './schema';
export { IntakeError, formatIntakeIssue } from './issues';
export type { IntakeIssue, Severity } from './issues';
export { systemConstructId, vlanConstructId } from './build';
export { runValidateCli, DEFAULT_ESTATE_DIR, clockLine } from './validate-cli';
