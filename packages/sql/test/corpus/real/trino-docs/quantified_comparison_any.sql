-- source: https://github.com/trinodb/trino/blob/f6014863ef97ecb11090dcd3619bbad62ac31bb4/docs/src/main/sphinx/functions/comparison.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named the predicate AS is_greeting; removed the trailing semicolon
-- columns: is_greeting boolean
SELECT 'hello' = ANY (VALUES 'hello', 'world') AS is_greeting
