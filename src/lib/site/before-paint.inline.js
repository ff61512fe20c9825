// Runs in <head> before first paint (BaseLayout.astro), so a chosen theme or reading setting never
// flashes the default nor shifts the text: the theme, the reader's settings (ReaderSettings.astro)
// as data-* on <html> for the stylesheet, and data-js for controls that need a script.
{
  const root = document.documentElement;
  root.dataset.js = '';
  try {
    const theme = localStorage.getItem('theme');
    if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
    const settings = JSON.parse(localStorage.getItem('reader-settings') ?? '{}');
    for (const [name, value] of Object.entries(settings)) if (typeof value === 'string') root.dataset[name] = value;
  } catch {
    // Storage refused (private browsing): the defaults apply.
  }
}
