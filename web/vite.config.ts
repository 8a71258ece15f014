/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The cabinet is served by `sigma-cloud serve --web-root web/dist` from the site root, with
// every unknown path falling back to index.html (client-side routes such as /set-password).
export default defineConfig({
  plugins: [vue()],
  base: '/',
  define: {
    // vue-i18n feature flags: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The plugin-timings hint only reports a busy machine (the C++ build on the same cores).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npm run dev` against a local `sigma-cloud serve` (see docs/cabinet.md): start the server
    // with --public-url http://localhost:5173 so that its Origin check and e-mail links match.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
