/**
 * The reader's settings (ReaderSettings.astro): one JSON object in localStorage, kept on the
 * device only, and the same names as data-* attributes on <html>, which BaseLayout's head
 * script sets before first paint and the stylesheet styles. A setting at its default ("") is
 * neither stored nor set. Shipped to the browser, loaded when a reader first changes a setting.
 */

const STORAGE_KEY = 'reader-settings';

export type Control = HTMLInputElement | HTMLSelectElement;

function storedSettings(): Record<string, string> {
  try {
    const settings: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof settings === 'object' && settings !== null ? (settings as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Sets one setting ("" for its default) on this page and for the next ones, and tells the page's
 * scripts with a `readersettingschange` event on document (its detail: the setting's name).
 */
export function setSetting(name: string, value: string): void {
  const root = document.documentElement;
  const settings = storedSettings();
  if (value) {
    settings[name] = value;
    root.dataset[name] = value;
  } else {
    delete settings[name];
    delete root.dataset[name];
  }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private browsing may refuse storage: the setting then lasts for this page only.
  }
  document.dispatchEvent(new CustomEvent('readersettingschange', { detail: name }));
}

const isCheckbox = (control: Control): control is HTMLInputElement => control instanceof HTMLInputElement && control.type === 'checkbox';

/** Applies a control of the panel: its name is the setting's, an unchecked box is the default. */
export function applyControl(control: Control): void {
  setSetting(control.name, isCheckbox(control) ? (control.checked ? control.value : '') : control.value);
}

/** Puts every setting of the panel back to its default. */
export function resetSettings(controls: readonly Control[]): void {
  for (const control of controls) setSetting(control.name, '');
}
