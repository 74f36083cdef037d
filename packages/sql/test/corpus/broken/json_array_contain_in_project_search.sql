-- variant-of: real/arrays-json/json_users_in_project.sql
-- class: unknown-function
-- mistake: json_array_contain misses the final s of json_array_contains; Athena: Function 'json_array_contain' not registered.
-- expect: 17:7
-- message: function json_array_contain is not registered in Athena (engine v3, Trino functions); did you mean json_array_contains?
-- database: default
-- columns: user string
WITH dataset AS (
  SELECT * FROM (VALUES
    (JSON '{"name": "Bob Smith", "org": "legal", "projects": ["project1"]}'),
    (JSON '{"name": "Susan Smith", "org": "engineering", "projects": ["project1", "project2", "project3"]}'),
    (JSON '{"name": "Jane Smith", "org": "finance", "projects": ["project1", "project2"]}')
  ) AS t (users)
)
SELECT json_extract_scalar(users, '$.name') AS user
FROM dataset
WHERE json_array_contain(json_extract(users, '$.projects'), 'project2')
