export * from './app-error';
export * from './validate';
export * from './request-context';
export * from './loaders';
export * from './pagination';
export * from './auth.guard';
export * from './plugins';
export * from './localized-text';
