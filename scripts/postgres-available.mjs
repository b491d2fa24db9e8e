// Exit 0 when a PostgreSQL server answers at POSTGRES_ADMIN_URL (default the local one the project's
// machines run), 1 with the reason otherwise. Used by .ci/run to run the PostgreSQL test pass or say
// why it is skipped.
import pg from 'pg';

const url = process.env.POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
  process.exit(0);
} catch (error) {
  console.log(`no PostgreSQL server answers at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
