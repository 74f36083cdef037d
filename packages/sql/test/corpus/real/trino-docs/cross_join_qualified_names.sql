-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named n.name AS nation and r.name AS region as in the page's ORDER BY example; removed the trailing semicolon
-- columns: nation string, region string
SELECT n.name AS nation, r.name AS region
FROM nation AS n
CROSS JOIN region AS r
ORDER BY 1, 2
