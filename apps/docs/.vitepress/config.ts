import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitepress';

// @vscode/markdown-it-katex is CommonJS with `exports.default`.
const require = createRequire(import.meta.url);
const katexPlugin = require('@vscode/markdown-it-katex').default as (md: unknown) => void;

const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, 'utf8'))
  : [];

export default defineConfig({
  title: '@x',
  description:
    'Theory of sequential decision-making and learning, as small tested TypeScript packages.',
  cleanUrls: true,
  lastUpdated: false,
  markdown: {
    config: (md) => {
      md.use(katexPlugin);
    },
  },
  vite: {
    // Packages resolve to their TypeScript sources: the docs build needs no package build.
    resolve: { conditions: ['@x/source', ...defaultClientConditions] },
    ssr: {
      resolve: { conditions: ['@x/source', ...defaultServerConditions] },
      noExternal: ['@x/linalg'],
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'API', link: '/api/' },
      { text: 'Bench report', link: '/guide/bench' },
    ],
    sidebar: {
      '/guide/': [
        {
          text: 'Guide',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'The bench', link: '/guide/bench' },
          ],
        },
        {
          text: 'Packages',
          items: [
            { text: '@x/linalg', link: '/guide/linalg' },
            { text: '@x/bandits', link: '/guide/bandits' },
            { text: '@x/mdp', link: '/guide/mdp' },
            { text: '@x/data-pricing', link: '/guide/data-pricing' },
            { text: '@x/contracts', link: '/guide/contracts' },
          ],
        },
      ],
      '/api/': [{ text: 'API reference', items: apiSidebar }],
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
