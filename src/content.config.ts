import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './lib/content/schema';

/** Every page's text, one MDX file per section and language: content/{zh,en}/<slug>.mdx. */
const pages = defineCollection({
  loader: glob({ base: './content', pattern: '{zh,en}/**/*.mdx' }),
  schema: pageSchema,
});

export const collections = { pages };
