// `import url from './feature.client.ts?lazy-url'`: the built module's URL (src/integrations/lazy-modules.ts).
declare module '*?lazy-url' {
  const url: string;
  export default url;
}
