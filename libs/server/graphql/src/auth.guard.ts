import { CanActivate, ExecutionContext, Injectable, SetMetadata, applyDecorators, UseGuards, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@alliance/shared-core';
import { AppError } from './app-error';
import type { RequestContext, SessionUser } from './request-context';

const ROLES_KEY = 'alliance:roles';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!ctx.user) throw AppError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.some((role) => ctx.user!.roles.includes(role))) throw AppError.forbidden();
    return true;
  }
}

/** Signed-in people only; with roles, only people holding at least one of them. */
export function RequireAuth(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(AuthGuard));
}

/** The signed-in user (undefined for anonymous callers on public fields). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser | undefined => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().user;
});

/** The whole request context (locale, loaders, user). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
});
