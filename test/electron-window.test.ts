import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import { isAppUrl, resolveAppLocation } from '../src/main/app-location.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import { desktopContentSecurityPolicy, isTrustedSender, navigationAction } from '../src/main/security.ts';
import { mainWindowOptions } from '../src/main/window-options.ts';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const { guardNavigation } = await import('../src/main/main-window.ts');
const { secureSession } = await import('../src/main/session-security.ts');

const fileApp = resolveAppLocation('/opt/liner/out/renderer/index.html', undefined);
const devApp = resolveAppLocation('/opt/liner/out/renderer/index.html', 'http://localhost:5173');

function directive(policy: string, name: string): string | undefined {
  return policy.split('; ').find((entry) => entry.startsWith(`${name} `));
}

describe('mainWindowOptions', () => {
  const preferences = mainWindowOptions('/opt/liner/out/preload/index.cjs').webPreferences;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['webviewTag', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences?.[key]).toBe(value);
  });

  it('loads the preload', () => {
    expect(preferences?.preload).toBe('/opt/liner/out/preload/index.cjs');
  });
});

describe('desktopContentSecurityPolicy', () => {
  const production = desktopContentSecurityPolicy(fileApp);

  it('allows scripts from the app only', () => {
    expect(directive(production, 'script-src')).toBe("script-src 'self'");
  });

  it('allows catalog images over https', () => {
    expect(directive(production, 'img-src')).toContain('https://m.media-amazon.com');
  });

  it('allows no image over http', () => {
    expect(directive(production, 'img-src')).not.toMatch(/http:/);
  });

  it('blocks plugins', () => {
    expect(directive(production, 'object-src')).toBe("object-src 'none'");
  });

  it('lets the dev server push updates', () => {
    expect(directive(desktopContentSecurityPolicy(devApp), 'connect-src')).toContain('ws://localhost:5173');
  });
});

describe('resolveAppLocation', () => {
  it('rejects a dev server on another host', () => {
    expect(() => resolveAppLocation('/index.html', 'http://example.com:5173')).toThrow(/localhost/);
  });

  it('matches the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/#/settings', devApp)).toBe(true);
  });

  it('rejects another port of localhost', () => {
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const sender = { webContentsId: 3, frameUrl: 'file:///opt/liner/out/renderer/index.html', isMainFrame: true };

  it('trusts the app window', () => {
    expect(isTrustedSender(sender, 3, fileApp)).toBe(true);
  });

  it('distrusts when no window is open', () => {
    expect(isTrustedSender(sender, null, fileApp)).toBe(false);
  });

  it('distrusts a file next to the app', () => {
    expect(isTrustedSender({ ...sender, frameUrl: 'file:///opt/liner/out/renderer/other.html' }, 3, fileApp)).toBe(false);
  });
});

describe('navigationAction', () => {
  it.each([
    ['https://music.amazon.com/albums/B000059MEK', 'open-external'],
    ['https://music.amazon.de/artists/daft-punk', 'open-external'],
    ['https://example.com/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['https://music.amazon.com@evil.example/', 'deny'],
  ] as const)('%s: %s', (url, expected) => {
    expect(navigationAction(url)).toBe(expected);
  });
});

/** A web contents stand-in: its events, and the window-open handler the guard installs. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigationEvent() {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

describe('guardNavigation', () => {
  it('blocks navigation away from the app', () => {
    const contents = new FakeContents();
    guardNavigation(contents as never, () => undefined, silentLogger());
    const navigation = navigationEvent();
    contents.emit('will-navigate', navigation, 'https://example.com/');
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('opens an Amazon Music link in the browser', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardNavigation(contents as never, (url) => opened.push(url), silentLogger());
    contents.emit('will-navigate', navigationEvent(), 'https://music.amazon.com/albums/B000059MEK');
    expect(opened).toEqual(['https://music.amazon.com/albums/B000059MEK']);
  });

  it('denies every new window', () => {
    const contents = new FakeContents();
    guardNavigation(contents as never, () => undefined, silentLogger());
    expect(contents.openHandler?.({ url: 'https://music.amazon.com/albums/B000059MEK' })).toEqual({ action: 'deny' });
  });

  it('opens no other link in the browser', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardNavigation(contents as never, (url) => opened.push(url), silentLogger());
    contents.openHandler?.({ url: 'https://example.com/' });
    expect(opened).toEqual([]);
  });
});

describe('secureSession', () => {
  type HeadersListener = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;

  type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

  /** A session stand-in that keeps the handlers the code under test installs. */
  class FakeSession {
    headersListener: HeadersListener | null = null;
    permissionHandler: PermissionHandler | null = null;
    readonly webRequest = {
      onHeadersReceived: (listener: HeadersListener) => {
        this.headersListener = listener;
      },
    };

    setPermissionRequestHandler(handler: PermissionHandler) {
      this.permissionHandler = handler;
    }

    setPermissionCheckHandler() {}
  }

  const fakeSession = () => new FakeSession();

  it('replaces the policy header of a response', () => {
    const session = fakeSession();
    secureSession(session as never, fileApp, silentLogger());
    let headers: Record<string, string[]> = {};
    session.headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [desktopContentSecurityPolicy(fileApp)] });
  });

  it('denies permission requests', () => {
    const session = fakeSession();
    secureSession(session as never, fileApp, silentLogger());
    let granted: boolean | null = null;
    session.permissionHandler?.({}, 'notifications', (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);
  });
});
