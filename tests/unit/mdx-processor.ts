import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { contentPlugins } from '../../src/lib/plugins/index';

/**
 * A unified processor that runs the site's plugins on MDX as Astro's MDX integration does (JSX,
 * expressions and ESM parsed and passed through to the rehype plugins), without Astro.
 */
export function mdxProcessor({ remarkPlugins, rehypePlugins }: ReturnType<typeof contentPlugins>) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins)
    .use(remarkRehype, { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] })
    .use(rehypePlugins);
}
