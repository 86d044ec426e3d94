import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentUser, RequireAuth, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { PersonalDataService } from './personal-data.service';
import { clearSessionCookie } from './cookies';

@Resolver()
export class PersonalDataResolver {
  constructor(private readonly personalData: PersonalDataService) {}

  @Mutation(() => Boolean, {
    description:
      'Deletes the signed-in account after checking its password: personal fields are blanked everywhere, records kept for counts, every session ends. Refused for the last administrator.',
  })
  @RequireAuth()
  async deleteMyAccount(@Args('password') password: string, @CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.personalData.deleteAccount(user, { password });
    clearSessionCookie(ctx.res);
    return true;
  }
}
