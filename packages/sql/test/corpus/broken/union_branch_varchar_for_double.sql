-- variant-of: real/cid/compute_optimizer_idle_options.sql
-- class: set-operation
-- mistake: the second branch has 'na' where the first has the double 0E0: column 21 in UNION query has incompatible types: double, varchar(2).
-- expect: 55:1
-- message: column 21 (monthlyprice) in UNION query has incompatible types: double, varchar(2); CAST one side to the other's type
-- database: optimization_data
-- columns: lastrefreshtimestamp_utc timestamp, accountid string, arn string, region string, service string, name string, module string, recommendationsourcetype string, finding string, reason string, lookbackperiodindays string, currentperformancerisk string, errorcode string, errormessage string, ressouce_details string, utilizationmetrics string, option_name string, option_from string, option_to string, currency string, monthlyprice double, hourlyprice double, estimatedmonthlysavings_value double, estimatedmonthly_ondemand_cost_change double, max_estimatedmonthlysavings_value_very_low double, max_estimatedmonthlysavings_value_low double, max_estimatedmonthlysavings_value_medium double, option_details string, tags string
(
   SELECT
     TRY("date_parse"(lastrefreshtimestamp_utc, '%Y-%m-%dT%H:%i:%sZ')) lastrefreshtimestamp_utc
   , accountid accountid
   , resourcearn arn
   , TRY("split_part"(resourcearn, ':', 4)) region
   , TRY("split_part"(resourcearn, ':', 3)) service
   , resourceid name
   , 'idle' module
   , resourcetype recommendationsourcetype
   , finding finding
   , findingdescription reason
   , lookbackperiodindays lookbackperiodindays
   , 'na' currentperformancerisk
   , errorcode errorcode
   , errormessage errormessage
   , '' ressouce_details
   , CONCAT(
        utilizationmetricscpumaximum, ';',
        utilizationmetricsmemorymaximum, ';',
        utilizationmetricsnetworkoutbytespersecondmaximum, ';',
        utilizationmetricsnetworkinbytespersecondmaximum, ';',
        utilizationmetricsdatabaseconnectionsmaximum, ';',
        utilizationmetricsebsvolumereadiopsmaximum, ';',
        utilizationmetricsebsvolumewriteiopsmaximum, ';',
        utilizationmetricsvolumereadopspersecondmaximum, ';',
        utilizationmetricsvolumewriteopspersecondmaximum
        ) utilizationmetrics
   , 'Current' option_name
   , 'na' option_from
   , '' option_to
   , estimatedmonthlysavingscurrency currency
   , 0E0 monthlyprice
   , 0E0 hourlyprice
   , TRY(CAST(estimatedmonthlysavingsvalue AS double)) estimatedmonthlysavings_value
   , 0E0 estimatedmonthly_ondemand_cost_change
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_very_low
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_low
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_medium
   , CONCAT(
        COALESCE(recommendations_count, ''), ';',
        COALESCE(savingsopportunitypercentage, ''), ';'
   ) option_details
   , tags tags
   FROM
     compute_optimizer_idle_lines
   WHERE (resourcearn LIKE '%arn:%')
UNION SELECT
     TRY("date_parse"(lastrefreshtimestamp_utc, '%Y-%m-%dT%H:%i:%sZ')) lastrefreshtimestamp_utc
   , accountid accountid
   , resourcearn arn
   , TRY("split_part"(resourcearn, ':', 4)) region
   , TRY("split_part"(resourcearn, ':', 3)) service
   , resourceid name
   , 'idle' module
   , resourcetype recommendationsourcetype
   , finding finding
   , findingdescription reason
   , lookbackperiodindays lookbackperiodindays
   , '' currentperformancerisk
   , errorcode errorcode
   , errormessage errormessage
   , 'na' ressouce_details
   , '' utilizationmetrics
   , 'Recommendation' option_name
   , '' option_from
   , 'na' option_to
   , estimatedmonthlysavingscurrency currency
   , 'na' monthlyprice
   , 0E0 hourlyprice
   , TRY(CAST(estimatedmonthlysavingsvalue AS double)) estimatedmonthlysavings_value
   , 0E0 estimatedmonthly_ondemand_cost_change
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_very_low
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_low
   , TRY(CAST(estimatedMonthlySavingsValue AS double)) max_estimatedmonthlysavings_value_medium
   , CONCAT(
        COALESCE(estimatedmonthlysavingsvalueafterdiscounts, ''), ';',
        COALESCE(savingsopportunitypercentageafterdiscounts, ''), ';' 
   ) option_details
   , tags tags
   FROM
     compute_optimizer_idle_lines
   WHERE (resourcearn LIKE '%arn:%')
 )
