import { memo } from 'react';

import { formatCount, formatQuantity } from '../format.ts';

interface RequestsChartProps {
  /** Requests in each of the last 60 minutes, oldest first. */
  perMinute: readonly number[];
}

const WIDTH = 240;
const HEIGHT = 48;

/** Bars of requests per minute over the last hour, as an SVG sized by the layout. */
export const RequestsChart = memo(function RequestsChart({ perMinute }: RequestsChartProps) {
  const total = perMinute.reduce((sum, count) => sum + count, 0);
  const peak = Math.max(1, ...perMinute);
  const barWidth = WIDTH / Math.max(1, perMinute.length);
  const lastMinute = perMinute.at(-1) ?? 0;

  return (
    <figure className="requests-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Requests per minute over the last hour: ${formatCount(total)} in total, peak ${formatCount(peak)}`}>
        {perMinute.map((count, index) => {
          const height = (count / peak) * HEIGHT;
          return <rect key={index} x={index * barWidth} y={HEIGHT - height} width={Math.max(1, barWidth - 1)} height={height} />;
        })}
      </svg>
      <figcaption>
        {formatQuantity(total, 'request', 'requests')} in the last hour · {formatCount(lastMinute)} in the last minute
      </figcaption>
    </figure>
  );
}, (before, after) => before.perMinute.length === after.perMinute.length && before.perMinute.every((count, index) => count === after.perMinute[index]));
