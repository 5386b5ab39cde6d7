import { useEffect, useState } from 'react';

/**
 * Returns the current time in milliseconds and re-renders every second while
 * `active` is true, never while it is false. Countdowns use it to tick
 * locally without a call to main.
 */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);

  return now;
}
