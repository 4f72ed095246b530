import { defineConfig } from 'vite';

// A sandboxed preload cannot require local files, so it is bundled into one CommonJS file;
// bundling lets it import the channel name from shared/ instead of repeating it.
export default defineConfig({
  build: {
    outDir: 'build/preload',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: 'electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.js',
    },
    rollupOptions: { external: ['electron'] },
  },
});
