/**
 * Registers the service worker that precaches the built site (vite-plugin-pwa generates `sw.js` with
 * Workbox at build time), so after one visit the playground works with the network off. Only in a
 * production build, and silently skipped where service workers are unavailable (file://, some frames).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // No offline copy this time (private mode, a sandboxed frame): the page works online as before.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
