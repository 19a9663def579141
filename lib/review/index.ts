export { reviewStage } from './stage';
export * from './manifest';
export { renderSystemReview, flowSteps, stepStatus } from './document';
export { renderLedgers, capacityLines, licenseLines, routedRequests } from './ledgers';
export { renderAtlantisYaml } from './atlantis';
export { diffOutputs } from './diff';
export type { DiffResult } from './diff';
export { diffManifests } from './compare';
export { renderDiffMarkdown, GITHUB_COMMENT_LIMIT } from './diff-markdown';
export type { Change, ChangeOp, ChangeObject } from './change';
export { impactOf, renderImpact, upgradeImpact, renderUpgradeImpact } from './impact';
export type { ImpactTarget, ImpactResult, UpgradeTarget, UpgradeImpactEntry } from './impact';
export {
  reviewPlans,
  changesOfPlan,
  renderPlanReview,
  foldActions,
  PLAN_JSON,
  PLAN_REVIEW_HEADER,
} from './plan-review';
export type { PlannedChange, PlanAction, PlanReviewResult } from './plan-review';
