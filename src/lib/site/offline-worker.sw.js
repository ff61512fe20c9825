// The service worker of the saved copy: ./offline-worker.ts bundles it with these Workbox modules,
// and src/integrations/offline.ts writes the list of the site's files, with their revisions, in
// place of self.__WB_MANIFEST. The reader's choice registers it: nothing else does.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// A new build's worker takes over at once, so a saved copy updates itself at the next visit.
self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST, {
  // `?q=` on the search page, `?p=` for passages, Pagefind's cache-busting `?ts=`: the same file.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
});
// The caches of Workbox versions before this one.
cleanupOutdatedCaches();

// An address the saved copy lacks gets the site's page-not-found page, which suggests the nearest
// page, instead of the browser's offline error; the downloads, not saved, are fetched.
registerRoute(new NavigationRoute(createHandlerBoundToURL('404.html'), { denylist: [/\/downloads\//] }));
