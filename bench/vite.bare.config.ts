/**
 * Builds the bare React Flow baseline page (bench/bare-flow.html) for `npm run bench:ui`. Separate from
 * vite.config.ts so the baseline never enters the product's dist.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    emptyOutDir: false,
    rollupOptions: { input: fileURLToPath(new URL('./bare-flow.html', import.meta.url)) },
  },
});
