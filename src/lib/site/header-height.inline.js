// Runs right after the sticky header (BaseLayout.astro). Where its controls wrap under the title
// (narrow screens, large text, a long title) it is taller than the stylesheet can know, and an
// anchor would land under it: --header-bottom is its measured height, kept up to date (global.css,
// --header-space). Without JavaScript the stylesheet's estimate stands.
{
  const header = document.currentScript?.previousElementSibling;
  if (header) {
    const measure = () => document.documentElement.style.setProperty('--header-bottom', `${header.getBoundingClientRect().height}px`);
    measure();
    new ResizeObserver(measure).observe(header);
  }
}
