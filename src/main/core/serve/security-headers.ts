import { contentSecurityPolicy } from '../../../shared/content-security-policy.ts';

/**
 * Headers of every `liner serve` response: the renderer's Content-Security-
 * Policy (plus the bridge's WebSocket origin), no framing, no sniffing and
 * no referrer, so the token in the page URL never leaves in a Referer.
 */
export function securityHeaders(origin: string): Record<string, string> {
  const webSocketOrigin = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': contentSecurityPolicy([webSocketOrigin]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
