/**
 * Which engine a `DATABASE_URL` names, without loading either engine's client (the PostgreSQL client
 * and its query compiler are only imported when a PostgreSQL URL is used: a SQLite bot saves their
 * memory).
 */

/** Whether a `DATABASE_URL` names a PostgreSQL server (`postgresql://…` or `postgres://…`). */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);
