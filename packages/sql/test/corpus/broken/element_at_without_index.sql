-- variant-of: real/arrays-json/element_at_positions.sql
-- class: arity
-- mistake: element_at needs the array and the index: Unexpected parameters (array(varchar(6))) for function element_at.
-- expect: 12:3
-- message: element_at takes 2 arguments, not 1: element_at(array(E), bigint) → E, element_at(map(K, V), K) → V
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
