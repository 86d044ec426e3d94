import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentUser, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';
import { UsersService } from './users.service';
import { UsersArgs } from './dto/inputs';
import { RoleEnum } from './dto/enums';
import { UserConnection, UserModel } from './dto/user.model';

/** Administration of people and roles, and the `roles` field of every User. */
@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => UserConnection, { name: 'users', description: 'Administrators only.' })
  @RequireAuth(Role.Admin)
  async listUsers(@Args() args: UsersArgs): Promise<ConnectionShape<UserModel>> {
    const page = await this.users.list(args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: UserModel.from(edge.node) })) };
  }

  @Mutation(() => UserModel, { description: 'Administrators only. Granting a held role changes nothing.' })
  @RequireAuth(Role.Admin)
  async grantRole(
    @CurrentUser() admin: SessionUser,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
  ): Promise<UserModel> {
    return UserModel.from(await this.users.grantRole(admin.id, userId, role));
  }

  @Mutation(() => UserModel, { description: 'Administrators only. The last administrator keeps the role.' })
  @RequireAuth(Role.Admin)
  async revokeRole(
    @CurrentUser() admin: SessionUser,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
  ): Promise<UserModel> {
    return UserModel.from(await this.users.revokeRole(userId, role, admin.id));
  }

  /** One query per request for all the users on a page, through the request's DataLoader. */
  @ResolveField(() => [RoleEnum])
  roles(@Parent() user: UserModel, @Ctx() ctx: RequestContext): Promise<Role[]> {
    if (user.roles) return Promise.resolve(user.roles);
    return ctx.loaders.get<string, Role[]>('identity.rolesByUserId', (ids) => this.users.rolesByUserIds(ids)).load(user.id);
  }
}
