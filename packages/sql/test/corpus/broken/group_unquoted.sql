-- variant-of: real/trino-docs/grouping_operation.sql
-- class: name-needs-quotes
-- mistake: group is a reserved word and must be written "group": mismatched input 'group'.
-- expect: 9:65
-- message: syntax error: "group" is a reserved word in Athena SQL; to use it as a name, quote it: "group"
-- database: tpch
-- columns: origin_state string, origin_zip int, destination_state string, total_weight bigint, group bigint
SELECT origin_state, origin_zip, destination_state, sum(package_weight) AS total_weight,
       grouping(origin_state, origin_zip, destination_state) AS group
FROM shipping
GROUP BY GROUPING SETS (
    (origin_state),
    (origin_state, origin_zip),
    (destination_state)
)
