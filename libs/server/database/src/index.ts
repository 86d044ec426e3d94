export * from './naming.strategy';
export * from './base.entity';
export * from './data-source';
export * from './embedded-postgres';
export { MIGRATIONS } from './migrations';
export * from './testing';
export * from './query-counter';
