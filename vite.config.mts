import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

// The built page carries the same policy the desktop protocol and server mode send as a header.
function cspMeta(): Plugin {
  return {
    name: 'romtrack-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// The renderer is served from files (desktop) or 127.0.0.1 (server mode), never a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: false, // never shipped: server mode would serve the whole source; electron-builder excluded them anyway
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The messages modules only define objects: where the start script names no language's messages but
      // English (renderer/src/i18n/i18n.ts loads the others as chunks), the bundler may leave them out of it,
      // though shared/i18n/index.ts gathers all four for the tests and the back end.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]i18n[\\/]messages[\\/]/.test(id) },
    },
  },
  test: {
    root: '.',
    dir: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
