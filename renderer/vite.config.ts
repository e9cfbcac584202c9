import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/* The renderer is a static bundle: Electron loads it from disk and `dagstudio serve` serves it, so paths stay relative. */
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: true,
  },
});
