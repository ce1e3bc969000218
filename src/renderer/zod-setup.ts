import { config } from 'zod';

// Imported first by main.tsx, before any schema is built: Zod compiles parsers with `new Function` unless
// told not to, and the CSP forbids eval (each attempt would be reported as a violation).
config({ jitless: true });
