/**
 * Imported first by tests that must run on a host whose own time zone has daylight saving time.
 * ES modules evaluate their imports in order, so importing this before anything else sets the
 * zone before any other module runs (Node honours `process.env.TZ` changed at run time).
 */
process.env.TZ = 'America/New_York';
