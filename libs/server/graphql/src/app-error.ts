import { GraphQLError } from 'graphql';
import { ErrorCode, type FieldErrorDescriptor } from '@alliance/shared-core';

/**
 * The only error type services throw for expected failures. It carries a stable code and an i18n
 * key; the message is translated into the caller's language when the response is sent
 * (see error-translation.plugin.ts), so services need not know who is asking.
 */
export class AppError extends GraphQLError {
  constructor(
    code: ErrorCode,
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fieldErrors: FieldErrorDescriptor[] = [],
  ) {
    super(messageKey, {
      extensions: {
        code,
        messageKey,
        messageParams: params,
        ...(fieldErrors.length ? { fields: fieldErrors } : {}),
      },
    });
  }

  static badInput(fieldErrors: FieldErrorDescriptor[], key = 'errors:badUserInput'): AppError {
    return new AppError(ErrorCode.BadUserInput, key, {}, fieldErrors);
  }
  static unauthenticated(key = 'errors:unauthenticated'): AppError {
    return new AppError(ErrorCode.Unauthenticated, key);
  }
  static forbidden(key = 'errors:forbidden'): AppError {
    return new AppError(ErrorCode.Forbidden, key);
  }
  static notFound(key = 'errors:notFound'): AppError {
    return new AppError(ErrorCode.NotFound, key);
  }
  static conflict(key = 'errors:conflict', params: Record<string, string | number> = {}): AppError {
    return new AppError(ErrorCode.Conflict, key, params);
  }
}
