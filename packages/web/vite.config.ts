import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at "/" (packages/server/src/http). `npm run dev` proxies the API and the
// verification pages to a server started with `npm start` (port 3000).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each entry and route loads, read by scripts/report-bundle-size.ts
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '^/verify/[^/]+$': {
        target: 'http://127.0.0.1:3000',
        bypass: (request) =>
          request.headers.accept?.includes('application/json') ? undefined : '/index.html',
      },
    },
  },
});
