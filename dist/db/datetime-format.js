/** SQLite GLOB matching exactly the format Prisma writes. */
export const PRISMA_DATETIME_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00';
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
/**
 * The UPDATE turning every value of `table.column` that is not in Prisma's format into it: text that
 * SQLite's date functions read (`2026-11-30 02:00:00`, `…Z`, `…+07:00`) and integers/reals taken as
 * Unix milliseconds. Values SQLite cannot read are left as they are.
 */
export function normalizeColumnSql(table, column) {
    const c = quote(column);
    const canonical = `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%f', ${c} / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%f', ${c}) END)`;
    return `UPDATE ${quote(table)} SET ${c} = ${canonical} || '+00:00' WHERE ${c} IS NOT NULL AND (typeof(${c}) <> 'text' OR ${c} NOT GLOB '${PRISMA_DATETIME_GLOB}') AND ${canonical} IS NOT NULL;`;
}
/** Every `(table, column)` declared `DATETIME` in the database (Prisma's SQLite type for DateTime). */
export function dateTimeColumns(db) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name").all();
    return tables.flatMap(({ name }) => db.prepare(`PRAGMA table_info(${quote(name)})`).all()
        .filter((col) => col.type.toUpperCase() === 'DATETIME')
        .map((col) => ({ table: name, column: col.name })));
}
/**
 * Rewrites every DateTime value not in Prisma's format, in one transaction.
 * @returns How many values were rewritten.
 */
export function normalizeDateTimeColumns(db) {
    const columns = dateTimeColumns(db);
    return db.transaction(() => columns.reduce((n, { table, column }) => n + db.prepare(normalizeColumnSql(table, column)).run().changes, 0))();
}
//# sourceMappingURL=datetime-format.js.map