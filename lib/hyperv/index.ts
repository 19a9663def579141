export { psQuote } from './quote';
export { hypervStage } from './stage';
export { checkCall, ALLOWED_OTHER_CMDLETS, isHyperVCmdlet, isFailoverClusterCmdlet } from './cmdlets';
export { emitHyperV, hypervSystems } from './scripts';
