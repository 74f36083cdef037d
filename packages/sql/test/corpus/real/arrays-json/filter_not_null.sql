-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/filtering-arrays.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: named the expression AS present_items
-- columns: present_items array<int>
SELECT filter(ARRAY [-1, NULL, 10, NULL], q -> q IS NOT NULL) AS present_items
