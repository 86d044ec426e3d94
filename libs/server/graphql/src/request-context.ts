import type { Request, Response } from 'express';
import type { Locale, Role } from '@alliance/shared-core';
import { LoaderRegistry } from './loaders';

/** The signed-in person as the API sees them for one request. */
export interface SessionUser {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  roles: Role[];
  locale: Locale;
}

export interface RequestContext {
  req: Request & { user?: SessionUser; locale?: Locale };
  res: Response;
  user?: SessionUser;
  locale: Locale;
  loaders: LoaderRegistry;
}
