-- source: https://github.com/trinodb/trino/blob/710f987d2946b93a951ec710f7856012761dca5a/docs/src/main/sphinx/functions/lambda.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: xvalues array<int>, a int, b int, linear_function_values array<int>
SELECT xvalues,
       a,
       b,
       transform(xvalues, x -> a * x + b) as linear_function_values
FROM (
    VALUES
        (ARRAY[1, 2], 10, 5),
        (ARRAY[3, 4], 4, 2)
) AS t(xvalues, a, b)
