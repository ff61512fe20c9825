// Offers the last paragraph read in this language (ReadingPosition.astro remembers it). It runs
// as the page is parsed (ContinueReading.astro), before first paint, so showing the offer never
// shifts what follows it.
{
  const offer = document.getElementById('continue-reading');
  const key = `reading-position-${document.documentElement.lang}`;
  try {
    const { href, place } = JSON.parse(localStorage.getItem(key) ?? 'null') ?? {};
    if (offer && typeof href === 'string' && typeof place === 'string' && new URL(href, location.href).origin === location.origin) {
      const link = offer.querySelector('a');
      const clear = offer.querySelector('button');
      const status = offer.querySelector('[role="status"]');
      link.href = href;
      link.textContent = offer.dataset.template.replace('{place}', place);
      offer.hidden = false;
      clear.addEventListener('click', () => {
        localStorage.removeItem(key);
        link.remove();
        clear.remove();
        status.textContent = offer.dataset.cleared;
        status.className = '';
        offer.focus();
      });
    }
  } catch {
    // Storage refused (private browsing): nothing to offer.
  }
}
