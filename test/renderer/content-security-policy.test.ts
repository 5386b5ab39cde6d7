import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, isCatalogImageUrl } from '../../src/shared/content-security-policy.ts';

describe('isCatalogImageUrl', () => {
  it.each([
    ['https://m.media-amazon.com/images/I/sample.jpg', true],
    ['https://images-na.ssl-images-amazon.com/images/I/x.jpg', true],
    ['http://m.media-amazon.com/images/I/sample.jpg', false],
    ['https://m.media-amazon.com.evil.example/x.jpg', false],
    ['https://example.org/x.jpg', false],
    ['not a url', false],
  ])('%s is %s', (url, allowed) => {
    expect(isCatalogImageUrl(url)).toBe(allowed);
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(['ws://127.0.0.1:5000']);

  it('allows no inline scripts', () => {
    expect(policy).toContain("script-src 'self';");
  });

  it('allows images from the catalog host only', () => {
    expect(policy).toContain("img-src 'self' https://m.media-amazon.com");
  });

  it('adds the connect sources', () => {
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:5000");
  });
});
