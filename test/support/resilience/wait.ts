/** Polls `condition` every 25 ms until it holds; throws after `timeoutMs` with `describe()` in the message. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  options: { timeoutMs?: number; describe?: () => unknown } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!condition()) {
    if (Date.now() > deadline) {
      const detail = options.describe ? `; ${JSON.stringify(options.describe())}` : '';
      throw new Error(`timed out waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
