// Acceptances that need the same advisory lock wait for each other here, in the process, before they
// take a database connection: otherwise a burst of requests for one SKU-location would hold every
// pooled connection waiting on its lock while requests for other SKU-locations wait for a connection.
// The database lock still decides between processes; this only keeps waiting off the pool.

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Runs `work` once every earlier run sharing one of `keys` has finished. A run takes its place in
   * every key's line at once, on arrival, so it only ever waits for runs that arrived before it and
   * no two runs can wait on each other in a circle.
   */
  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const mine = new Promise<void>((done) => {
      release = done;
    });
    const unique = [...new Set(keys)];
    const previous = unique.map((key) => this.tails.get(key) ?? Promise.resolve());
    const tails = unique.map((key, i) => {
      const tail = previous[i]!.then(() => mine);
      this.tails.set(key, tail);
      return tail;
    });
    try {
      await Promise.all(previous);
      return await work();
    } finally {
      release();
      unique.forEach((key, i) => {
        if (this.tails.get(key) === tails[i]) this.tails.delete(key);
      });
    }
  }
}
