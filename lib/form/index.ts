/**
 * The application form page (issue 16): a static page where a department fills in the 利用申請書
 * (様式1) and gets a declaration that passes `kiban validate`, because the page runs validate's
 * code. Uses lib/model, lib/rules, lib/intake and lib/review; nothing below imports it.
 */
export { buildFormPage, formPageData, formBundle } from './page';
export type { FormPageData, FormPageOptions } from './page';
export { formSchema, FORM_SECTIONS } from './form-schema';
export type { FormChoice, FormChoices } from './form-schema';
export { declarationData, declarationYaml, declarationPath, lostFields, modeline } from './declaration';
export { summarizeEstate, redactSystem, PAGE_ESTATE_ROOT } from './summary';
export type { EstateSummary } from './summary';
export { formStage, FORM_OUTPUT_FOLDER } from './stage';
export { serveForm } from './serve';
export type { FormServer } from './serve';
export { writeFormPage } from './write';
export { FORM_GENERATOR } from './page';
