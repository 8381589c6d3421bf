-- Who holds each unit's duties in $year: the warehouse's one walk of the rename chain (v_pack_unit_current),
-- only the units whose duties moved. The comparison maps both notices' units through it.
SELECT unit_name, current_name
FROM v_pack_unit_current
WHERE year = $year AND current_name <> unit_name
ORDER BY unit_name
