export * from './backend';
export * from './emit';
export * from './escape';
export * from './names';
export * from './platform-stack';
export * from './system-stack';
export * from './stage';
