import * as pg from '@polyglot-sql/sdk';
for (const sql of [`SELECT DECIMAL '1.00' AS x`, `SELECT REAL '1.5' AS y`, `SELECT DOUBLE '2' AS z`, `SELECT BIGINT '3' AS w`]) {
const r = pg.parse(sql, pg.Dialect.Trino);
if (!r.success) { console.log(sql, 'FAIL', r.error); continue; }
console.log(sql, JSON.stringify((r.ast![0] as any).select.expressions[0].alias.this), pg.transpile(sql, pg.Dialect.Trino, pg.Dialect.DuckDB).sql?.[0]);
}
