// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Dependencies run one way: a module may import only from the layers below it (README, "Code"). */
const layers = [
  {
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/plugins/**'],
    message: 'lib/ sits below the plugins, components, layouts and pages: move what both need into lib/.',
    regex: String.raw`(^|/)(plugins|components|layouts|pages)(/|$)`,
  },
  {
    files: ['src/lib/plugins/**/*.ts'],
    message: 'plugins sit below components, layouts and pages.',
    regex: String.raw`(^|/)(components|layouts|pages)(/|$)`,
  },
  {
    files: ['src/components/**', 'src/layouts/**', 'src/pages/**'],
    message: 'Components and pages use lib/, never a plugin file: ids and labels live in lib/anchors.',
    regex: String.raw`(^|/)lib/plugins(/|$)`,
  },
  {
    files: ['src/components/**', 'src/layouts/**', 'src/pages/**', 'src/lib/content/collection.ts'],
    message: 'Pages get the parsed bibliography and glossary from virtual:site-data; only the config reads them.',
    regex: String.raw`lib/content/site-data$`,
  },
];

export default tseslint.config(
  { ignores: ['dist*/', '.astro/', 'bench-results/', 'node_modules/', 'content/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // `const { dropped, ...rest } = value` is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.astro/*.ts', 'src/components/mdx/index.ts'],
    // astro-eslint-parser gives typescript-eslint no type information for frontmatter and
    // <script>, nor TypeScript for an imported .astro file; `astro check` type-checks them instead.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Separate from the object above: a languageOptions there would replace disableTypeChecked's
    // own (which turns off the type-aware parsing), where two objects merge.
    files: ['**/*.astro', '**/*.astro/*.ts', 'src/components/mdx/index.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.client.ts', '**/*.inline.js'],
    // Shipped to the browser by a component's <script> (.client.ts) or inline, as written (.inline.js).
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.inline.js'],
    // Plain JavaScript: the values it reads from storage are checked by hand.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.sw.js'],
    // The service worker, plain JavaScript: TypeScript's DOM library, which the project type-checks
    // with, and the worker's own cannot be in one program.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Separate from the object above, for the same reason as the .astro pair's.
    files: ['**/*.sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  ...layers.map(({ files, ignores, message, regex }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': /** @type {import('eslint').Linter.RuleEntry} */ (['error', { patterns: [{ regex, message }] }]) },
  })),
  // Last: turns off every rule that Prettier's formatting would fight.
  prettier,
);
