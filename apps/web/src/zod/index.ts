// The web build resolves `zod` here (apps/web/vite.config.ts): the same API, configured for the
// portal's Content-Security-Policy before anything else of zod runs (see jitless.ts).
import './jitless';
export * from 'zod/v4';
export { default } from 'zod/v4';
