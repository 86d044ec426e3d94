import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, Ctx, CurrentUser, RequireAuth, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { AccountService } from './account.service';
import { UsersService } from './users.service';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { ChangePasswordInput, ResetPasswordInput, SignInInput, SignUpInput, UpdateProfileInput } from './dto/inputs';
import { UserModel } from './dto/user.model';

/** The signed-in person's own account. Thin: rules live in AccountService and UsersService. */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => UserModel, { nullable: true, description: 'Null when signed out.' })
  async me(@CurrentUser() user: SessionUser | undefined): Promise<UserModel | null> {
    if (!user) return null;
    const found = await this.users.findById(user.id);
    return found ? UserModel.from(found) : null;
  }

  @Mutation(() => Boolean, { description: 'Creates an unverified account and e-mails a confirmation link.' })
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.accounts.signUp(input, { ip: ctx.req.ip });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Always true: it never reveals whether an account exists.' })
  resendVerification(
    @Args('email') email: string,
    @Args('returnTo', {
      type: () => String,
      nullable: true,
      description: 'A path inside the site that the new link brings the person back to after sign-in.',
    })
    returnTo?: string | null,
  ): Promise<boolean> {
    return this.accounts.resendVerification(email, returnTo);
  }

  @Mutation(() => Boolean)
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.accounts.verifyEmail(token);
  }

  @Mutation(() => UserModel, { description: 'Opens a session and sets the httpOnly session cookie.' })
  async signIn(@Args('input') input: SignInInput, @Ctx() ctx: RequestContext): Promise<UserModel> {
    const userAgent = ctx.req.headers?.['user-agent'];
    const { user, token } = await this.accounts.signIn(input, { ip: ctx.req.ip, userAgent: typeof userAgent === 'string' ? userAgent : null });
    setSessionCookie(ctx.res, token, this.config, ctx.req);
    return UserModel.from(user);
  }

  @Mutation(() => Boolean, { description: 'Ends this session (true even when already signed out).' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (ctx.user) await this.accounts.signOut(ctx.user.sessionId);
    clearSessionCookie(ctx.res, this.config, ctx.req);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in person, this one included.' })
  @RequireAuth()
  async signOutEverywhere(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.accounts.signOutEverywhere(user.id);
    clearSessionCookie(ctx.res, this.config, ctx.req);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Always true: it never reveals whether an account exists.' })
  requestPasswordReset(@Args('email') email: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.accounts.requestPasswordReset(email, { ip: ctx.req.ip });
  }

  @Mutation(() => Boolean, { description: 'Sets a new password from an e-mailed link and ends every session.' })
  resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    return this.accounts.resetPassword(input);
  }

  @Mutation(() => Boolean, { description: 'Ends the other sessions and tells the person by e-mail.' })
  @RequireAuth()
  changePassword(@CurrentUser() user: SessionUser, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.accounts.changePassword(user, input);
  }

  @Mutation(() => UserModel)
  @RequireAuth()
  async updateProfile(@CurrentUser() user: SessionUser | undefined, @Args('input') input: UpdateProfileInput): Promise<UserModel> {
    if (!user) throw AppError.unauthenticated();
    return UserModel.from(await this.users.updateProfile(user.id, input));
  }
}
