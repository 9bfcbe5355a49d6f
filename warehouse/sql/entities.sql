-- Mart: one row per entity across all current documents, after cross-document resolution
-- (entity_resolution: a bare `Putin` joins the unique `Vladimir Putin`).
-- The canonical name is the fullest name (most words), then the one used in most documents,
-- then the longest; on a tie not all capitals (`Ansbach`, not `ANSBACH`), then the first in byte
-- order, so the name never depends on the order rows were read in.
create or replace view entities as
with occ as (
    select o.* replace (r.resolved_id as entity_id)
    from entity_occurrences as o
    join entity_resolution as r using (entity_id)
),
names as (
    select entity_id, name, count(*) as n_docs
    from occ
    group by entity_id, name
),
best_name as (
    select
        entity_id,
        first(
            name order by
                len(string_split(name, ' ')) desc, n_docs desc, length(name) desc,
                name = upper(name), name
        ) as name
    from names
    group by entity_id
),
alias_list as (
    select entity_id, list(distinct alias order by alias) as aliases
    from (select entity_id, unnest(aliases) as alias from occ)
    group by entity_id
)
select
    o.entity_id,
    b.name,
    mode(o.type) as type,
    a.aliases,
    mode(o.country_code) as country_code,
    any_value(o.latitude) as latitude,
    any_value(o.longitude) as longitude,
    any_value(o.geonames_id) as geonames_id,
    any_value(o.feature_kind) as feature_kind,
    sum(o.mention_count)::bigint as mention_count,
    count(distinct o.doc_id)::bigint as document_count
from occ as o
join best_name as b using (entity_id)
join alias_list as a using (entity_id)
group by o.entity_id, b.name, a.aliases;
