declare module 'virtual:site-data' {
  const data: import('../lib/content/site-data').SiteData;
  export default data;
}
