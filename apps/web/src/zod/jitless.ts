import { config } from 'zod/v4/core';

// Zod decides, when an object schema is created, whether to compile its parser with
// `new Function`, and its probe for that is reported as a Content-Security-Policy violation
// (script-src without 'unsafe-eval') even though zod catches the error. Without the probe zod
// uses its interpreted parsers, which are plenty for forms. This module runs before zod's own
// classic API and before any schema (see index.ts), and test/browser/security-headers.browser.spec.ts
// fails on any CSP report.
config({ jitless: true });
