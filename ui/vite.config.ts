// Build and test configuration of the Kortisto web UI: Svelte, output to ui/dist for Tauri,
// relative asset paths (the app is served from the Tauri bundle, never from a server).
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    // Keep assets as files: the Tauri CSP allows 'self', not inline data for scripts/styles.
    assetsInlineLimit: 0,
  },
  // Tests mount components in jsdom, so Svelte must resolve to its browser build.
  ...(mode === "test" ? { resolve: { conditions: ["browser"] } } : {}),
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
}));
