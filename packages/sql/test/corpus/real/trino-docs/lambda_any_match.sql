-- source: https://github.com/trinodb/trino/blob/710f987d2946b93a951ec710f7856012761dca5a/docs/src/main/sphinx/functions/lambda.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: numbers array<int>
SELECT numbers
FROM (
    VALUES
        (ARRAY[1,NULL,3]),
        (ARRAY[10,20,30]),
        (ARRAY[100,200,300])
) AS t(numbers)
WHERE any_match(numbers, n ->  COALESCE(n, 0) > 100)
