import { Resolver } from '@nestjs/graphql';

// Placeholder created with the module skeleton; replaced by the real implementation.
@Resolver()
export class GroupsResolver {}
