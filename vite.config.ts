import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' lets the built site run from any sub-path of a static host, with no server.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
