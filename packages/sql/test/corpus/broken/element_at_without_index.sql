-- variant-of: real/arrays-json/element_at_positions.sql
-- class: arity
-- mistake: element_at needs the array and the index: Unexpected parameters (array(varchar(6))) for function element_at.
-- expect: 11:3
-- database: default
-- columns: first_word string, middle_word string, last_word string
WITH dataset AS (
  SELECT ARRAY ['hello', 'amazon', 'athena'] AS words
)
SELECT
  element_at(words) AS first_word,
  element_at(words, -2) AS middle_word,
  element_at(words, cardinality(words)) AS last_word
FROM dataset
