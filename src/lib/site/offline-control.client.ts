// No imports: the downloads page's script ships this to the browser.

/** Fills `{name}` placeholders, as t() does on the server. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** Workbox names its precache `workbox-precache-v2-{scope}`: the saved copy of this site, and only it. */
function isSavedCopy(cacheName: string, scopeUrl: string): boolean {
  return cacheName.startsWith('workbox-precache') && cacheName.endsWith(scopeUrl);
}

/** Resolves when the registration's newest worker is active: every file is saved (Workbox precaches on install). */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (!worker) return reject(new Error('no service worker'));
    if (worker.state === 'activated') return resolve();
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('the service worker could not save every file'));
    });
  });
}

/**
 * <offline-control>: the reader's choice to save the whole site for offline reading. Nothing is
 * registered or cached before the reader presses "save"; "remove" unregisters the service worker
 * and deletes its cache.
 */
export function defineOfflineControl(): void {
  class OfflineControl extends HTMLElement {
    private get scopeUrl(): string {
      return new URL(this.dataset['scope'] ?? '/', location.href).href;
    }

    private child<T extends Element>(selector: string): T {
      const element = this.querySelector<T>(selector);
      if (!element) throw new Error(`<offline-control> needs ${selector}`);
      return element;
    }

    private say(text: string): void {
      this.child('.offline-status').textContent = text;
    }

    private show(state: 'none' | 'saving' | 'saved'): void {
      this.child<HTMLButtonElement>('[data-action="save"]').hidden = state !== 'none';
      this.child<HTMLButtonElement>('[data-action="remove"]').hidden = state !== 'saved';
      this.child<HTMLProgressElement>('progress').hidden = state !== 'saving';
      // What saving would download: said until the copy is saved, where it would read as still to come.
      this.child<HTMLElement>('.offline-size').hidden = state === 'saved';
      this.dataset['state'] = state;
    }

    connectedCallback(): void {
      if (!('serviceWorker' in navigator) || !('caches' in window)) {
        this.say(this.dataset['unsupported'] ?? '');
        return;
      }
      this.child('.offline-size').textContent = fill(this.dataset['size'] ?? '', {
        size: this.dataset['downloadSize'] ?? '',
        files: this.dataset['files'] ?? '',
      });
      this.child('[data-action="save"]').addEventListener('click', () => void this.saveCopy());
      this.child('[data-action="remove"]').addEventListener('click', () => void this.removeCopy());
      void navigator.serviceWorker.getRegistration(this.dataset['scope']).then((registration) => {
        this.show(registration?.active ? 'saved' : 'none');
        if (registration?.active) this.say(this.dataset['done'] ?? '');
      });
    }

    /** How many files the saved copy holds so far. */
    private async progress(): Promise<void> {
      let done = 0;
      for (const name of await caches.keys()) {
        if (isSavedCopy(name, this.scopeUrl)) done += (await (await caches.open(name)).keys()).length;
      }
      const files = Number(this.dataset['files']) || 1;
      this.child<HTMLProgressElement>('progress').value = Math.min(1, done / files);
      if (this.dataset['state'] === 'saving') this.say(fill(this.dataset['saving'] ?? '', { done, files }));
    }

    private async saveCopy(): Promise<void> {
      this.show('saving');
      const timer = setInterval(() => void this.progress(), 250);
      try {
        const registration = await navigator.serviceWorker.register(this.dataset['worker'] ?? '', {
          scope: this.dataset['scope'] ?? '/',
          updateViaCache: 'none',
        });
        await activated(registration);
        this.show('saved');
        this.say(this.dataset['done'] ?? '');
      } catch (error) {
        this.show('none');
        this.say(fill(this.dataset['failed'] ?? '', { error: error instanceof Error ? error.message : String(error) }));
      } finally {
        clearInterval(timer);
      }
    }

    private async removeCopy(): Promise<void> {
      const registration = await navigator.serviceWorker.getRegistration(this.dataset['scope']);
      await registration?.unregister();
      for (const name of await caches.keys()) if (isSavedCopy(name, this.scopeUrl)) await caches.delete(name);
      this.show('none');
      this.say(this.dataset['removed'] ?? '');
    }
  }
  customElements.define('offline-control', OfflineControl);
}
