import type { SourceError } from '../../shared/source-errors.ts';

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'answer stalled',
  UND_ERR_SOCKET: 'connection closed mid-answer',
};

/** Puts a source failure in plain words for the status and the item's last error. */
export function describeSourceError(error: SourceError): string {
  const parts: string[] = [];
  if (error.status !== undefined) parts.push(`HTTP ${error.status}`);
  if (error.code && CODE_WORDS[error.code]) parts.push(CODE_WORDS[error.code] as string);
  // The client's messages often name the status already; say it only once.
  const missing = parts.filter((part) => !error.message.includes(part));
  return missing.length > 0 ? `${missing.join(', ')}: ${error.message}` : error.message;
}
