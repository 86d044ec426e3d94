export * from './roles';
export * from './locales';
export * from './errors';
export * from './limits';
export * from './countries';
export * from './validation';
export * from './notification-types';
export * from './collaboration';
