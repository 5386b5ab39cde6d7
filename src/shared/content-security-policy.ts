/**
 * Hosts the renderer may load cover images from: `m.media-amazon.com`, the
 * host of the cover URLs in T2Tunes metadata, and the `ssl-images-amazon.com`
 * hosts, Amazon's older image host names, in case an instance returns them.
 */
export const CATALOG_IMAGE_HOSTS = ['m.media-amazon.com', 'images-na.ssl-images-amazon.com', '*.ssl-images-amazon.com'] as const;

/** True when a cover URL is https on a catalog image host, so the policy below lets it load. */
export function isCatalogImageUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  return CATALOG_IMAGE_HOSTS.some((host) =>
    host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host,
  );
}

/**
 * Builds the Content-Security-Policy of the renderer, in the desktop app and
 * under `liner serve`: scripts and styles from the app itself only (no inline code,
 * no eval), images from the app and the catalog image hosts, no frames, no
 * plugins. `connectSources` adds origins the page may open connections to,
 * such as the serve bridge's `ws://127.0.0.1:PORT`.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const images = CATALOG_IMAGE_HOSTS.map((host) => `https://${host}`);
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${images.join(' ')}`,
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`.trimEnd(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ];
  return directives.join('; ');
}
