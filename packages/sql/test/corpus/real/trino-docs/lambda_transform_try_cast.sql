-- source: https://github.com/trinodb/trino/blob/710f987d2946b93a951ec710f7856012761dca5a/docs/src/main/sphinx/functions/lambda.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: price_tags array<string>
SELECT transform(prices, n -> TRY_CAST(n AS VARCHAR) || '$') as price_tags
FROM (
    VALUES
        (ARRAY[100, 200]),
        (ARRAY[30, 4])
) AS t(prices)
