-- variant-of: real/route53/queries_without_answer.sql
-- class: argument-type
-- mistake: cardinality takes an array or map; query_name is a varchar: Unexpected parameters (varchar) for function cardinality.
-- expect: 10:7
-- message: unexpected parameters (varchar) for function cardinality; expected: cardinality(array(E)) → bigint, cardinality(map(K, V)) → bigint, cardinality(hyperloglog) → bigint, cardinality(setdigest) → bigint. CAST the arguments to one of these types
-- database: default
-- columns: query_timestamp string, instance string, srcaddr string, srcport int, query_name string, rcode string, answers array<struct<rdata:string,type:string,class:string>>
SELECT query_timestamp, srcids.instance, srcaddr, srcport, query_name, rcode, answers
FROM "r53_rlogs"
WHERE cardinality(query_name) = 0
