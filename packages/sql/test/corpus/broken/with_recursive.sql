-- variant-of: real/arrays-json/sum_of_unnested_arrays.sql
-- class: unsupported
-- mistake: WITH RECURSIVE is not supported by Athena: the query fails although no CTE refers to itself.
-- expect: 8:6
-- message: WITH RECURSIVE is not supported by Athena; unroll the recursion (a fixed number of self-joins) or precompute the hierarchy with a transform
-- database: default
-- columns: array_items array<int>, total bigint
WITH RECURSIVE
dataset AS (
  SELECT ARRAY
  [
    ARRAY[1,2,3,4],
    ARRAY[5,6,7,8],
    ARRAY[9,0]
  ] AS items
),
item AS (
  SELECT i AS array_items
  FROM dataset, UNNEST(items) AS t(i)
)
SELECT array_items, sum(val) AS total
FROM item, UNNEST(array_items) AS t(val)
GROUP BY array_items
