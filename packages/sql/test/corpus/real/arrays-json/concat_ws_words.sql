-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/concatenating-strings-and-arrays.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: no
-- columns: concatenated_string string
SELECT concat_ws(' ', 'This', 'is', 'a', 'test.') as Concatenated_String
