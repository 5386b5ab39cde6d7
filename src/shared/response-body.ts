/**
 * Words for an HTTP response body that is not the JSON a client expected,
 * for error messages users read. Markup (a proxy's 502 page, a captive
 * portal) is named, never quoted.
 */

/** Maximum characters of a plain-text body quoted in a message. */
const MAX_QUOTED_CHARS = 120;

/** A body that starts with a tag, after optional whitespace and a byte order mark. */
const MARKUP_START = /^[\s\uFEFF]*</;

/**
 * True for a `text/html` or XHTML content type, or a body that starts with a
 * tag and is not declared as XML. Such a body is called an HTML page.
 */
export function isHtmlBody(text: string, contentType?: string | null): boolean {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('text/html') || type.includes('application/xhtml+xml')) return true;
  return MARKUP_START.test(text) && !type.includes('xml');
}

/** One line of at most `MAX_QUOTED_CHARS` characters, without control characters. */
function quoteLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > MAX_QUOTED_CHARS ? `${line.slice(0, MAX_QUOTED_CHARS - 1)}…` : line;
}

/**
 * Describes a response whose body does not parse as JSON: "HTTP 502 with an
 * HTML page instead of JSON", "… an XML document …", "… with malformed
 * JSON", "… an empty body …", or for other text, its start on one line.
 */
export function describeNonJsonResponse(status: number, text: string, contentType?: string | null): string {
  if (isHtmlBody(text, contentType)) return `HTTP ${status} with an HTML page instead of JSON`;
  if (MARKUP_START.test(text)) return `HTTP ${status} with an XML document instead of JSON`;
  if (contentType?.toLowerCase().includes('json') || /^\s*[[{]/.test(text)) return `HTTP ${status} with malformed JSON`;
  if (text.trim() === '') return `HTTP ${status} with an empty body instead of JSON`;
  return `HTTP ${status} with text instead of JSON: ${quoteLine(text)}`;
}
