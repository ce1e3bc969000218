import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * The React renderer. `base: './'` because Electron loads it from file:// and the browser host serves it
 * under `/`; both resolve relative asset URLs. No inline scripts or styles, so the CSP can stay strict.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // No modulepreload polyfill: it would be the only inline-ish script, and Chromium has native support.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'chrome120',
    sourcemap: true,
  },
});
