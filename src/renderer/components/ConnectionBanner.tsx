import { formatCountdown } from '../format.ts';
import { useConnectionStore } from '../store/connection-store.ts';
import { useNow } from './use-now.ts';

/**
 * Shows a banner while the `liner serve` bridge is disconnected. The desktop
 * preload fires no connection events, so there it never shows. Only the
 * first sentence is in the alert, so screen readers do not hear the
 * countdown tick.
 */
export function ConnectionBanner() {
  const connection = useConnectionStore((state) => state.connection);

  if (connection.kind === 'connected') return null;
  if (connection.kind === 'token_rejected') {
    return (
      <div className="connection-banner" data-testid="connection-banner" data-state="token_rejected">
        <p role="alert">
          Liner was restarted with a new address. Open the URL that <code>liner serve</code> printed.
        </p>
      </div>
    );
  }

  return (
    <div className="connection-banner" data-testid="connection-banner" data-state="reconnecting">
      <p role="alert">Lost the connection to liner serve. The screen shows the last known state.</p>
      <p>
        <ReconnectCountdown nextAttemptAt={connection.nextAttemptAt} /> If you restarted liner serve, open the URL it printed.
      </p>
    </div>
  );
}

function ReconnectCountdown({ nextAttemptAt }: { nextAttemptAt: number }) {
  const now = useNow(true);
  const remaining = nextAttemptAt - now;
  if (remaining <= 0) return <span>Trying again…</span>;
  return (
    <span>
      Trying again in <span className="countdown">{formatCountdown(remaining)}</span>.
    </span>
  );
}
