-- source: https://github.com/trinodb/trino/blob/710f987d2946b93a951ec710f7856012761dca5a/docs/src/main/sphinx/functions/lambda.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: sum_values int
SELECT reduce_agg(value, 0, (a, b) -> a + b, (a, b) -> a + b) sum_values
FROM (
    VALUES (1), (2), (3), (4), (5)
) AS t(value)
