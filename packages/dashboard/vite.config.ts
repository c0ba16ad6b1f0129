import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/** The API in development (`pnpm dev` at the repository root). */
const API = 'http://localhost:4000';

/*
 * The browser only ever talks to the dashboard's own origin: the API's routes
 * are proxied, so the session cookie stays same-origin and SameSite in
 * development exactly as in production (where the API serves dist/).
 */
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: API },
  '/healthz': { target: API },
  '/readyz': { target: API },
  '/imports': { target: API },
  '/exports': { target: API },
};

export default defineConfig({
  plugins: [react()],
  // The shared package from its TypeScript source (ES modules): no build step in
  // development, and only what a page uses ends up in its chunk.
  resolve: {
    alias: {
      '@holdspace/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: in chunks of their own,
        // browsers keep them cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/].*[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 2,
            },
            {
              name: 'apollo',
              test: /[\\/]node_modules[\\/].*[\\/](@apollo[\\/]client|graphql|graphql-tag|rxjs|optimism|@wry[\\/][^\\/]+|tslib)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
});
