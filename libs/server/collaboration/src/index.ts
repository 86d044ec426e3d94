export * from './entities';
export * from './collaboration.constants';
export * from './dto/enums';
export { CollaborationModule } from './collaboration.module';
export { CollaborationAccessService, atLeast, type CollaborationViewer, type SpaceAccess } from './access';
export { SpacesService } from './spaces.service';
// Test-only: API journeys and the access matrix build their data with these.
export { createCollaborationTestApp, COLLABORATION_TEST_ENTITIES } from './testing/collaboration-test-app';
export * from './testing/collaboration-fixtures';
