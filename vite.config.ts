import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const backend = 'http://localhost:3000';

// The web app lives in src/web and builds into dist/web, which the server serves (KYOSEI_WEB_DIST).
// In development `npx vite` serves it with hot reload and sends /api and /healthz to a running server.
export default defineConfig({
  root: at('./src/web'),
  plugins: [react()],
  build: {
    outDir: at('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/](@mantine|@tabler|@floating-ui)/ },
            // Charts only where a screen draws one (src/web/components/chart-engine.ts is imported lazily).
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': backend, '/healthz': backend },
  },
});
