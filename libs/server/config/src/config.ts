import { z } from 'zod';
import path from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every environment variable the portal reads, with its default. `.env.example` documents the same
 * list; config.spec.ts keeps the two in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
  QUEUE_DRIVER: z.enum(['auto', 'bullmq', 'inprocess']).default('auto'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -').default('alliance'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Alianza ALC <no-reply@alianza.example>'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(72),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(8),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(100000).default(2000),
  GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: z.coerce.number().int().min(10).max(100000).default(500),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1000000).default(2000),
  GRAPHQL_ALLOW_LIST: bool.default(false),
  CREDENTIAL_ISSUER_KEY: z.string().min(40, 'must be the issuer key as exported Multikey JSON or its secretKeyMultibase (z...)').optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  UPLOADS_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name (3-63 lowercase letters, digits, dots and hyphens)').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  EVIDENCE_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(2 ** 31 - 1).default(52428800),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig extends RawConfig {
  isProduction: boolean;
  isTest: boolean;
  /** Absolute data directory (embedded database, mail files, uploads). */
  dataDir: string;
  publicUrl: string;
  storageDriver: 'local' | 's3';
  /** Absolute directory of uploaded files with the local driver (UPLOADS_DIR or DATA_DIR/uploads). */
  uploadsDir: string;
  /** Object storage settings; present only when STORAGE_DRIVER=s3 (then bucket and keys are set). */
  s3?: S3Config;
  evidenceUploadMaxBytes: number;
}

export interface S3Config {
  /** Unset for AWS itself; the URL of an S3-compatible server (MinIO, Garage, Ceph...) otherwise. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '?');
      return `  ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable and its meaning.`);
  }
  const raw = result.data;
  if (raw.NODE_ENV === 'production' && !raw.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL="": is required in production (the embedded database is for one machine only)');
  }
  if (raw.STORAGE_DRIVER === 's3') {
    // Checked here rather than in the schema so that each missing variable is named on its own line.
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !raw[name]);
    if (missing.length) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((name) => `  ${name}="": is required when STORAGE_DRIVER=s3`).join('\n')}`);
    }
  }
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  return {
    ...raw,
    isProduction: raw.NODE_ENV === 'production',
    isTest: raw.NODE_ENV === 'test',
    dataDir,
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
    storageDriver: raw.STORAGE_DRIVER,
    uploadsDir: raw.UPLOADS_DIR ? path.resolve(cwd, raw.UPLOADS_DIR) : path.join(dataDir, 'uploads'),
    s3:
      raw.STORAGE_DRIVER === 's3'
        ? {
            endpoint: raw.S3_ENDPOINT,
            region: raw.S3_REGION,
            bucket: raw.S3_BUCKET!,
            accessKeyId: raw.S3_ACCESS_KEY_ID!,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: raw.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    evidenceUploadMaxBytes: raw.EVIDENCE_UPLOAD_MAX_BYTES,
  };
}
