/** The T2Tunes endpoints the client calls, by the short name used in counts and logs. */
export const T2TUNES_ENDPOINTS = {
  status: '/api/status',
  search: '/api/amazon-music/search',
  metadata: '/api/amazon-music/metadata',
  media: '/api/amazon-music/media-from-asin',
} as const;

export type T2TunesEndpoint = keyof typeof T2TUNES_ENDPOINTS;
