export * from './columns';
export * from './sources';
export * from './regions';
export * from './organizations';
export * from './projects';
export * from './donations';
export * from './training-sessions';
export * from './governance';
