/**
 * Walking the errors a database call throws. Prisma wraps the driver's error: the code that says
 * what happened (SQLite's `SQLITE_BUSY`, PostgreSQL's SQLSTATE `40001`) may sit on the error itself,
 * on its `cause`, or on `meta.driverAdapterError` (Prisma 7's driver adapters), and those nest.
 *
 * @module
 */

/** The fields of an error (or of anything thrown) that the database's error tests look at. */
export interface ErrorFields {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** At most this many linked errors are looked at (a guard against pathological chains). */
const MAX_LINKS = 8;

/**
 * Whether `test` holds for `error` or for an error it links to through `cause` or
 * `meta.driverAdapterError`, depth first. Non-objects never match; cycles are followed once; at most
 * {@link MAX_LINKS} errors are looked at.
 */
export function someErrorInChain(error: unknown, test: (e: ErrorFields) => boolean): boolean {
  const seen = new Set<object>();
  const visit = (e: unknown): boolean => {
    if (typeof e !== 'object' || e === null || seen.has(e) || seen.size >= MAX_LINKS) return false;
    seen.add(e);
    const o = e as ErrorFields;
    return test(o) || visit(o.cause) || visit(o.meta?.driverAdapterError);
  };
  return visit(error);
}
