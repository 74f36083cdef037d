-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: runner string, checkpoint int
SELECT runner, checkpoint
FROM (
   VALUES
      ('Joe', ARRAY[10, 20, 30, 42]),
      ('Roger', ARRAY[10]),
      ('Dave', ARRAY[]),
      ('Levi', NULL)
) AS marathon (runner, checkpoints)
LEFT JOIN UNNEST(checkpoints) AS t(checkpoint) ON TRUE
