import type { ItemPage, ItemRow } from '../../shared/ipc-contract.ts';

export interface ItemPageCacheOptions {
  /** Rows per `listItems` call. */
  pageSize: number;
  fetchPage(offset: number, limit: number): Promise<ItemPage>;
}

/**
 * The rows of one item query, fetched a page at a time as the table scrolls.
 * Fetched pages stay cached. `refresh()` marks them stale: their rows keep
 * showing until the new ones arrive, so the table does not flicker.
 */
export class ItemPageCache {
  private readonly options: ItemPageCacheOptions;
  private readonly pages = new Map<number, ItemRow[]>();
  private readonly stalePages = new Set<number>();
  private readonly loadingPages = new Set<number>();
  private readonly failedPages = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private lastRange: [number, number] = [0, 0];
  private generation = 0;
  private version = 0;

  /** Rows matching the query, known after the first page arrived. */
  total: number | null = null;
  /** The message of the last failed page fetch; null after a success. */
  error: string | null = null;

  constructor(options: ItemPageCacheOptions) {
    this.options = options;
  }

  rowAt(index: number): ItemRow | undefined {
    const page = this.pages.get(Math.floor(index / this.options.pageSize));
    return page?.[index % this.options.pageSize];
  }

  /** Fetches the pages covering rows `first` to `last` that are missing or stale. */
  loadRange(first: number, last: number): void {
    this.lastRange = [first, last];
    const size = this.options.pageSize;
    const lastRow = this.total === null ? last : Math.min(last, this.total - 1);
    const firstPage = Math.floor(Math.max(0, first) / size);
    const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastRow) / size));

    for (let index = firstPage; index <= lastPage; index++) {
      const wanted = !this.pages.has(index) || this.stalePages.has(index);
      if (wanted && !this.loadingPages.has(index) && !this.failedPages.has(index)) this.fetch(index);
    }
  }

  /**
   * Marks every cached page stale, clears failures and refetches the range
   * last requested. Other pages refetch when they scroll into view.
   */
  refresh(): void {
    this.generation++;
    this.loadingPages.clear();
    this.failedPages.clear();
    for (const index of this.pages.keys()) this.stalePages.add(index);
    this.loadRange(...this.lastRange);
  }

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  private fetch(index: number): void {
    const generation = this.generation;
    const size = this.options.pageSize;
    this.loadingPages.add(index);

    this.options.fetchPage(index * size, size).then(
      (page) => {
        if (generation !== this.generation) return;
        this.loadingPages.delete(index);
        this.stalePages.delete(index);
        this.pages.set(index, page.rows);
        this.setTotal(page.total);
        this.error = null;
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.loadingPages.delete(index);
        this.failedPages.add(index);
        this.error = error instanceof Error ? error.message : String(error);
        this.changed();
      },
    );
  }

  /** Drops pages past the end when the total shrank, such as after items got matched under a filter. */
  private setTotal(total: number): void {
    this.total = total;
    const pageCount = Math.ceil(total / this.options.pageSize);
    for (const index of [...this.pages.keys()]) {
      if (index >= pageCount) {
        this.pages.delete(index);
        this.stalePages.delete(index);
      }
    }
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
