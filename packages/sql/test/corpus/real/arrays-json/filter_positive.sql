-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/filtering-arrays.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: named the expression AS positive_items
-- columns: positive_items array<int>
SELECT filter(ARRAY [1,0,5,-1], x -> x>0) AS positive_items
