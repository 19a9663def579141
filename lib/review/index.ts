export { reviewStage } from './stage';
export * from './manifest';
export { renderSystemReview, flowSteps, stepStatus } from './document';
export { renderLedgers, capacityLines, licenseLines, routedRequests } from './ledgers';
export { renderAtlantisYaml } from './atlantis';
