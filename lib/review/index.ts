export { reviewStage } from './stage';
export * from './manifest';
export { renderSystemReview, flowSteps, stepStatus } from './document';
export { renderLedgers, capacityLines, licenseLines, routedRequests } from './ledgers';
export { renderAtlantisYaml } from './atlantis';
export { diffOutputs, diffManifests, renderDiffMarkdown, GITHUB_COMMENT_LIMIT } from './diff';
export type { Change, ChangeOp, ChangeObject, DiffResult } from './diff';
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
