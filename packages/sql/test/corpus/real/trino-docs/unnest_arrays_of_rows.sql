-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: language string, first_appeared_year int, declarative boolean
SELECT *
FROM UNNEST(
        ARRAY[
            ROW('Java',  1995),
            ROW('SQL' , 1974)],
        ARRAY[
            ROW(false),
            ROW(true)]
) as t(language,first_appeared_year,declarative)
