// A read that is never older than the request that asked for it, with at most one query in
// flight: the first caller starts a query; callers that arrive while it runs share the *next*
// query, started when it ends (so each of them gets an answer read after it asked). Under load
// that is at most one query per round trip, whatever the number of concurrent requests, and no
// staleness at all. Results carry `seq`, which grows with each query, so answers can be ordered.
// Used for the data version (lib/server/pcn-data/data-version.ts, lib/page-cache.mjs).

/**
 * @template T
 * @param {() => Promise<T> | T} query
 * @returns {() => Promise<{ value: T, seq: number }>}
 */
export function freshReader(query) {
  let seq = 0;
  /** @type {Promise<{ value: T, seq: number }> | null} */
  let inFlight = null;
  /** @type {Promise<{ value: T, seq: number }> | null} */
  let queued = null;
  const start = () => {
    const mine = ++seq;
    const p = Promise.resolve()
      .then(query)
      .then((value) => ({ value, seq: mine }))
      .finally(() => {
        if (inFlight === p) inFlight = null;
      });
    inFlight = p;
    return p;
  };
  return function read() {
    if (!inFlight) return start();
    if (!queued) {
      const after = inFlight;
      queued = after
        .catch(() => {})
        .then(() => {
          queued = null;
          return inFlight ?? start();
        });
    }
    return queued;
  };
}
