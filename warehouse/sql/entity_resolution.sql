-- Staging: stored entity id -> the entity it means across documents.
-- A person stored under a bare name (`Putin`, the transform could not see a full name in its
-- document) joins the one person entity whose full name ends with that word, when exactly one
-- exists in the current documents; with two (`Bill Clinton`, `Hillary Clinton`) it stays alone.
-- An organization stored under an acronym only (`IMF`: its document never spelled it out)
-- joins the one organization that some current document defined it for (`the International
-- Monetary Fund (IMF)` gives that entity the alias `IMF`); with two (`EC` defined as the
-- European Community in one article, the European Commission in another) it stays alone.
-- Done here, not at ingest, so the result depends only on the current data: stored ids never
-- change, and re-running or reprocessing in any order gives the same answer.
create or replace view entity_resolution as
with people as (
    select entity_id, min(name) as name
    from entity_occurrences
    where type = 'person'
    group by entity_id
),
short_names as (
    select entity_id, lower(name) as surname from people where not contains(name, ' ')
),
full_names as (
    select entity_id, lower(string_split(name, ' ')[-1]) as surname
    from people
    where contains(name, ' ')
),
unique_person as (
    select s.entity_id, min(f.entity_id) as resolved_id
    from short_names as s
    join full_names as f using (surname)
    group by s.entity_id
    having count(distinct f.entity_id) = 1
),
-- the transform's test of an acronym (transforms/entities.py, _ACRONYM), on every name used
acronyms as (
    select entity_id, min(name) as acronym
    from entity_occurrences
    where type = 'organization'
    group by entity_id
    having bool_and(regexp_full_match(name, '[A-Z][A-Z.&]{1,7}'))
        and count(distinct name) = 1
),
defined as (
    select distinct entity_id, alias
    from (
        select entity_id, unnest(aliases) as alias
        from entity_occurrences
        where type = 'organization' and contains(name, ' ')
    )
),
unique_organization as (
    select a.entity_id, min(d.entity_id) as resolved_id
    from acronyms as a
    join defined as d on d.alias = a.acronym and d.entity_id <> a.entity_id
    group by a.entity_id
    having count(distinct d.entity_id) = 1
),
resolved as (
    select * from unique_person
    union all
    select * from unique_organization
)
select o.entity_id, coalesce(u.resolved_id, o.entity_id) as resolved_id
from (select distinct entity_id from entity_occurrences) as o
left join resolved as u using (entity_id);
