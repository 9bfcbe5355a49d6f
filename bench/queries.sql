-- Ten typical analyst queries, timed by bench/throughput.py, statements are separated by semicolons.
-- top speakers
select speaker_name, count(*) as quotes from quotes where speaker_name is not null
group by speaker_name order by quotes desc limit 20;
-- quotes mentioning an entity
select q.speaker_name, q.text from quotes q join mentions m
  on m.doc_id = q.doc_id and m.start_char >= q.start_char and m.end_char <= q.end_char
join entities e on e.entity_id = m.entity_id where e.name = 'Russia' limit 50;
-- events per day by root code
select event_date, event_root_code, count(*) as n from events where event_date is not null
group by all order by event_date, event_root_code;
-- entity co-occurrence (same document)
select a.name, b.name, count(distinct m1.doc_id) as docs
from mentions m1 join mentions m2 on m1.doc_id = m2.doc_id and m1.entity_id < m2.entity_id
join entities a on a.entity_id = m1.entity_id join entities b on b.entity_id = m2.entity_id
where a.type = 'person' and b.type in ('place', 'organization') group by all order by docs desc limit 20;
-- most mentioned entities by type
select type, name, mention_count, document_count from entities
qualify row_number() over (partition by type order by mention_count desc) <= 5;
-- documents mentioning an entity, newest first
select d.title, d.published_at from documents d where d.doc_id in (
  select m.doc_id from mentions m join entities e using (entity_id) where e.name = 'Syria')
order by d.published_at desc nulls last limit 20;
-- events between two countries
select event_label, actor_name, target_name, event_date from events
where actor_country_code = 'RUS' and target_country_code = 'SYR' limit 50;
-- conflict share per actor country (quad class 3-4)
select actor_country_code, count(*) as n, avg(case when quad_class >= 3 then 1 else 0 end) as conflict
from events where actor_country_code is not null group by 1 order by n desc limit 20;
-- who a person talks about: entities mentioned inside their quotes
select e.name, count(*) as n from quotes q join mentions m
  on m.doc_id = q.doc_id and m.start_char >= q.start_char and m.end_char <= q.end_char
join entities e on e.entity_id = m.entity_id
where q.speaker_name = (select speaker_name from quotes where speaker_name is not null
                        group by 1 order by count(*) desc limit 1)
group by 1 order by n desc limit 20;
-- outlets by documents and quotes
select d.outlet, count(distinct d.doc_id) as docs, count(q.quote_id) as quotes
from documents d left join quotes q using (doc_id) group by 1 order by docs desc limit 20;
