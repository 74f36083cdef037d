-- source: https://github.com/trinodb/trino/blob/710f987d2946b93a951ec710f7856012761dca5a/docs/src/main/sphinx/connector/hive.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: web
-- adapted: removed the catalog name example. from example.web.page_views (Athena's catalog is the default)
-- columns: view_time timestamp, user_id bigint, page_url string, ds date, country string, $path string, $file_size bigint
SELECT *, "$path", "$file_size"
FROM web.page_views
WHERE "$partition" = 'ds=2016-08-09/country=US'
