// Builds the renderer. The Content-Security-Policy goes into the built page only:
// Vite's dev server needs inline scripts for hot reload.
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './electron/security/csp';

function contentSecurityPolicy(): Plugin {
  return {
    name: 'werkstatt-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/**
 * The small entry (renderer/main.tsx) starts reading the workshop, then imports Yjs
 * to load it and the rest of the app to show it: the page fetches and compiles those
 * from the start, alongside the entry, instead of after it. Chunks the app loads
 * later (renderer/components/lazyParts.ts, the session code) are not preloaded.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'werkstatt-preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle, chunk: entry }): HtmlTagDescriptor[] => {
        if (!bundle || !entry) return [];
        // The entry and what it imports statically have their links already.
        const linked = new Set([entry.fileName, ...entry.imports]);
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName] as Rollup.OutputChunk | undefined;
          if (linked.has(fileName) || files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        // What the entry's own imports load first (Yjs, to load the workshop), then the app.
        for (const file of entry.imports) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.dynamicImports.forEach(add);
        }
        entry.dynamicImports.forEach(add);
        return Array.from(files, (file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/** The part of the module graph the chunking below looks at. */
interface ModuleGraph {
  getModuleInfo(id: string): { readonly importedIds: readonly string[] } | null;
}

const moduleId = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * What the page loads at startup comes in three files beside the lazily loaded parts:
 * "boot" (what the entry needs to start reading the workshop), "loader" (Yjs, to load
 * it; imported early by the entry) and "app" (everything the first screen needs).
 * Left to itself the bundler spread the first screen's code over five shared chunks,
 * and rendering a 2,000-card board then took ~60 ms more main-thread time (calls
 * across chunks are calls to imported bindings, which V8 optimises less well).
 * Modules are placed by what each of these imports statically, directly or not.
 */
function startupChunks() {
  let groups: { boot: Set<string>; loader: Set<string>; app: Set<string> } | null = null;
  const reachable = (graph: ModuleGraph, from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      const info = seen.has(id) ? null : graph.getModuleInfo(id);
      if (!info) continue;
      seen.add(id);
      stack.push(...info.importedIds);
    }
    return seen;
  };
  const groupsOf = (graph: ModuleGraph) => {
    if (!groups) {
      const entry = moduleId('./renderer/main.tsx');
      const boot = reachable(graph, entry);
      boot.delete(entry);
      // The stylesheet stays with the entry (a <link> in the page, as before).
      for (const id of boot) if (id.endsWith('.css')) boot.delete(id);
      const loader = reachable(graph, moduleId('./renderer/persistence/storedWorkshop.ts'));
      const app = reachable(graph, moduleId('./renderer/start.tsx'));
      groups = { boot, loader, app };
    }
    return groups;
  };
  const group =
    (name: 'boot' | 'loader' | 'app') =>
    (id: string, graph: ModuleGraph): string | null => {
      const { boot, loader, app } = groupsOf(graph);
      if (name === 'boot') return boot.has(id) ? name : null;
      if (name === 'loader') return loader.has(id) && !boot.has(id) ? name : null;
      return app.has(id) && !loader.has(id) && !boot.has(id) ? name : null;
    };
  const plugin: Plugin = {
    name: 'werkstatt-startup-chunks',
    // A new build, a new module graph.
    buildStart: () => {
      groups = null;
    },
  };
  return {
    plugin,
    groups: [
      { name: group('boot'), priority: 3 },
      { name: group('loader'), priority: 2 },
      { name: group('app'), priority: 1 },
    ],
  };
}

const chunks = startupChunks();

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadEntryImports(), chunks.plugin],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: { output: { codeSplitting: { groups: chunks.groups } } },
  },
});
