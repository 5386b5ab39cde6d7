import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { T2TunesClient } from '../src/worker/sources/amazon/client.ts';
import { validateBaseUrl, validateCountry } from '../src/worker/sources/amazon/config.ts';
import { classifyNetworkError, parseRetryAfter } from '../src/worker/sources/amazon/failure-classification.ts';

describe('validateBaseUrl', () => {
  it('accepts https', () => {
    expect(validateBaseUrl('https://t2tunes.site')).toBe('https://t2tunes.site');
  });

  it('accepts http with a port', () => {
    expect(validateBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('drops trailing slashes', () => {
    expect(validateBaseUrl('https://t2tunes.site/')).toBe('https://t2tunes.site');
  });

  it('keeps a path prefix', () => {
    expect(validateBaseUrl('https://example.org/t2tunes/')).toBe('https://example.org/t2tunes');
  });

  it('trims spaces', () => {
    expect(validateBaseUrl('  https://t2tunes.site  ')).toBe('https://t2tunes.site');
  });

  const rejected: [string, RegExp][] = [
    ['file:///etc/passwd', /"file:\/\/\/etc\/passwd".*only http and https are allowed, not file/],
    ['javascript:alert(1)', /not javascript/],
    ['ftp://t2tunes.site', /not ftp/],
    ['ws://t2tunes.site', /not ws/],
    ['t2tunes.site', /"t2tunes.site": expected an http or https URL/],
    ['', /expected an http or https URL/],
    ['https://user:secret@t2tunes.site', /remove the user name and password/],
    ['https://t2tunes.site/?x=1', /query string or fragment is not allowed/],
    ['http://127.0.0.1:8787?x=1#frag', /"http:\/\/127.0.0.1:8787\?x=1#frag".*as in http:\/\/127.0.0.1:8787$/],
    ['http://127.0.0.1:8787#frag', /fragment is not allowed/],
    ['https://t2tunes.site/?', /query string or fragment is not allowed/],
  ];

  for (const [value, message] of rejected) {
    it(`rejects "${value}"`, () => {
      expect(() => validateBaseUrl(value)).toThrow(message);
    });
  }

  it('is applied by the client constructor', () => {
    expect(() => new T2TunesClient({ baseUrl: 'file:///tmp' })).toThrow(/only http and https are allowed/);
  });

  it('rejects a query in the client constructor', () => {
    expect(() => new T2TunesClient({ baseUrl: 'http://127.0.0.1:8787?x=1' })).toThrow(/query string/);
  });
});

describe('validateCountry', () => {
  it('upper-cases a valid code', () => {
    expect(validateCountry('gb')).toBe('GB');
  });

  for (const value of ['USA', 'U', '12', 'U1', '']) {
    it(`rejects "${value}"`, () => {
      expect(() => validateCountry(value)).toThrow(/two-letter ISO 3166 code/);
    });
  }

  it('is applied by the client constructor', () => {
    expect(() => new T2TunesClient({ baseUrl: 'http://127.0.0.1:1', country: 'USA' })).toThrow(/"USA"/);
  });
});

describe('client options', () => {
  it('rejects more than two search retries', () => {
    expect(() => new T2TunesClient({ baseUrl: 'http://127.0.0.1:1', failedSearchRetryDelaysMs: [1, 2, 3] })).toThrow(
      /at most 2 retries/,
    );
  });

  it('rejects a negative retry delay', () => {
    expect(() => new T2TunesClient({ baseUrl: 'http://127.0.0.1:1', failedSearchRetryDelaysMs: [-1] })).toThrow(/>= 0/);
  });

  it('rejects a zero timeout', () => {
    expect(() => new T2TunesClient({ baseUrl: 'http://127.0.0.1:1', timeouts: { headersMs: 0 } })).toThrow(/headersMs=0/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');

  it('reads delta seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Fri, 01 May 2026 12:01:30 GMT', now)).toBe(90);
  });

  it('reads a past HTTP date as zero', () => {
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfter(['7', '9'], now)).toBe(7);
  });

  it('ignores a missing header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('ignores garbage', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('classifyNetworkError', () => {
  function systemError(code: string): Error {
    return Object.assign(new Error(`getaddrinfo ${code} t2tunes.site`), { code });
  }

  const cases: [string, Error][] = [
    ['ENOTFOUND', systemError('ENOTFOUND')],
    ['EAI_AGAIN', systemError('EAI_AGAIN')],
    ['ECONNREFUSED', systemError('ECONNREFUSED')],
    ['ECONNRESET', systemError('ECONNRESET')],
    ['UND_ERR_CONNECT_TIMEOUT', new errors.ConnectTimeoutError()],
    ['UND_ERR_HEADERS_TIMEOUT', new errors.HeadersTimeoutError()],
    ['UND_ERR_BODY_TIMEOUT', new errors.BodyTimeoutError()],
    ['UND_ERR_SOCKET', new errors.SocketError('other side closed')],
  ];

  for (const [code, error] of cases) {
    it(`makes ${code} an outage`, () => {
      const classified = classifyNetworkError(error, 'search');
      expect(classified.kind).toBe('outage');
      expect(classified.code).toBe(code);
      expect(classified.cause).toBe(error);
    });
  }

  it('finds the code inside an AggregateError', () => {
    const error = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], 'connect failed');
    expect(classifyNetworkError(error, 'status').code).toBe('ECONNREFUSED');
  });

  it('finds the code on the cause', () => {
    const error = new TypeError('fetch failed', { cause: systemError('ENOTFOUND') });
    expect(classifyNetworkError(error, 'status').code).toBe('ENOTFOUND');
  });

  it('keeps the endpoint', () => {
    expect(classifyNetworkError(systemError('ECONNRESET'), 'metadata').endpoint).toBe('metadata');
  });
});
