// Svelte compiler settings for the Kortisto UI: TypeScript in components via vitePreprocess.
// Runes mode everywhere.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
