export * from './emit';
export * from './platform-stack';
export * from './render';
export * from './state-blocks';
export * from './system-stack';
