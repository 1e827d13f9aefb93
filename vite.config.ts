import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// base './' lets the built site run from any sub-path of a static host, with no server.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // A Workbox service worker (sw.js) that precaches the built site, so it works offline after one visit.
    // Registered by src/share/offline.ts (no inline script: the site stays strict-CSP compatible).
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // The simulator's worker chunk is large; precache it whole.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Any query (scenario, seed, embed options) is served from the same cached page.
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: null,
        inlineWorkboxRuntime: false,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
    },
  },
});
