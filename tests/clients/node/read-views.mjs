// Opens a WCC warehouse with DuckDB's Node.js client (@duckdb/node-api), read-only, and prints one JSON object:
// the client's DuckDB version, whether a write was refused, and for every research view (v_*) its row count and a
// SHA-256 of its rows. tests/Warehouse/SecondClientTests.cs computes the same through DuckDB.NET and compares.
//
// Usage: node read-views.mjs WAREHOUSE.duckdb
//
// The checksum is taken on the client side: each row is rendered as text by the engine (CAST(row AS VARCHAR)), the
// rows are sorted, fetched through this client and hashed here, joined by "\n". Sorting makes it independent of the
// order a view happens to return; two clients agree only if they read every row of every view identically.
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
if (!path) {
  console.error('usage: node read-views.mjs WAREHOUSE.duckdb');
  process.exit(2);
}

// threads=1: aggregates over DOUBLE are then summed in one fixed order, so both clients see the same last digits.
const instance = await DuckDBInstance.create(path, {
  access_mode: 'READ_ONLY',
  threads: '1',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
});
const connection = await instance.connect();

async function rows(sql) {
  const result = await connection.runAndReadAll(sql);
  return result.getRows();
}

const [[version]] = await rows('SELECT version()');

let writeRefused = false;
try {
  await connection.run('CREATE TABLE second_client_probe (x INTEGER)');
} catch {
  writeRefused = true;
}

const viewNames = (await rows(
  "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND view_name LIKE 'v\\_%' ESCAPE '\\' ORDER BY view_name",
)).map(([name]) => name);

const views = [];
for (const name of viewNames) {
  const quoted = '"' + name.replaceAll('"', '""') + '"';
  const text = await rows(`SELECT CAST(r AS VARCHAR) AS line FROM ${quoted} AS r ORDER BY line`);
  const hash = createHash('sha256');
  text.forEach(([line], i) => hash.update((i > 0 ? '\n' : '') + line, 'utf8'));
  views.push({ name, rows: text.length, sha256: hash.digest('hex') });
}

connection.closeSync();
instance.closeSync?.();
console.log(JSON.stringify({ client: '@duckdb/node-api', version, writeRefused, views }));
