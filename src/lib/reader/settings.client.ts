/**
 * The reader's settings (ReaderSettings.astro): one JSON object in localStorage, kept on the
 * device only, and the same names as data-* attributes on <html>, which BaseLayout's head
 * script sets before first paint and the stylesheet styles. A setting at its default ("") is
 * neither stored nor set. Shipped to the browser, loaded when a reader first opens the panel.
 */

const STORAGE_KEY = 'reader-settings';

type Control = HTMLInputElement | HTMLSelectElement;

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
const valueOf = (control: Control) => (isCheckbox(control) ? (control.checked ? control.value : '') : control.value);
const controlsOf = (panel: HTMLElement) => [...panel.querySelectorAll<Control>('input[name], select[name]')];

/** Sets the panel's controls to the settings in effect. */
function showValues(panel: HTMLElement): void {
  const root = document.documentElement;
  for (const control of controlsOf(panel)) {
    const value = root.dataset[control.name] ?? '';
    if (isCheckbox(control)) control.checked = value === control.value;
    else control.value = value;
  }
}

const started = new WeakSet<HTMLElement>();

/**
 * Shows the settings in effect in the panel (another page may have changed them); from then on a
 * change applies at once, and the `[data-reset]` button puts every setting back to its default.
 * (No <form>: nothing is submitted.)
 */
export function showSettings(panel: HTMLElement): void {
  showValues(panel);
  if (started.has(panel)) return;
  started.add(panel);
  panel.addEventListener('change', (event) => {
    const control = event.target;
    if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) setSetting(control.name, valueOf(control));
  });
  panel.querySelector('[data-reset]')?.addEventListener('click', () => {
    for (const control of controlsOf(panel)) setSetting(control.name, '');
    showValues(panel);
  });
}
