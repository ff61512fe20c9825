// `import url from './x.client.ts?lazy-url'` (src/integrations/lazy-scripts.ts): the URL of the module's own chunk.
declare module '*?lazy-url' {
  const url: string;
  export default url;
}
