export * from './portal';
export * from './journey';
