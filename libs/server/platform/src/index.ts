export * from './entities';
export * from './platform.module';
export * from './seed/demo-seed.service';
export * from './seed/demo-people';
