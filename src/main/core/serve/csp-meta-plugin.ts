import type { Plugin } from 'vite';

import { contentSecurityPolicy } from '../../../shared/content-security-policy.ts';

/** Directives a `<meta>` policy cannot carry; browsers ignore them there with a console warning. */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/** Returns the renderer's policy without the directives a `<meta>` tag cannot carry. */
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy()
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.some((name) => directive.startsWith(`${name} `)))
    .join('; ');
}

/**
 * Writes the renderer's Content-Security-Policy into the built `index.html` as
 * a `<meta http-equiv>` tag, for pages loaded from file:// where Electron
 * sets no response headers. Build only: the Vite dev server needs an inline
 * React refresh script that the policy forbids.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'liner-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' },
      ],
    },
  };
}
