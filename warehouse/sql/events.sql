-- Mart: CAMEO-coded events in current documents with actor, target and place names.
-- Entity ids go through entity_resolution, like mentions.entity_id (the location too: a place the
-- model tagged as a bare-name person, `Wicklow`, may resolve to a full name).
create or replace view events as
select
    v.* exclude (batch_id, filename) replace (
        coalesce(ra.resolved_id, v.actor_entity_id) as actor_entity_id,
        coalesce(rt.resolved_id, v.target_entity_id) as target_entity_id,
        coalesce(rl.resolved_id, v.location_entity_id) as location_entity_id
    ),
    a.name as actor_name,
    t.name as target_name,
    l.name as location_name,
    v.batch_id
from read_parquet('{tables}/events/*.parquet', union_by_name = true, filename = true) as v
semi join current_batches as c on v.doc_id = c.doc_id and v.batch_id = c.batch_id
left join entity_resolution as ra on ra.entity_id = v.actor_entity_id
left join entity_resolution as rt on rt.entity_id = v.target_entity_id
left join entity_resolution as rl on rl.entity_id = v.location_entity_id
left join entities as a on a.entity_id = coalesce(ra.resolved_id, v.actor_entity_id)
left join entities as t on t.entity_id = coalesce(rt.resolved_id, v.target_entity_id)
left join entities as l on l.entity_id = coalesce(rl.resolved_id, v.location_entity_id)
where file_visible('events', v.filename);
