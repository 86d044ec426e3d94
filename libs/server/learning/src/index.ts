export * from './entities';
export * from './learning.constants';
export { LearningModule } from './learning.module';
