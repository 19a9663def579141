export * from './emit';
export * from './escape';
export * from './names';
export * from './platform-stack';
export * from './system-stack';
export * from './stage';
export * from './state-blocks';
export * from './v2v-import';
