set search_path=tierup;
\timing on
insert into customer (id, as_of) select 'c' || lpad(g::text, 6, '0'), now() from generate_series(1, 100000) g;
insert into evaluation (customer_id, as_of, cause, ruleset_version, fired_rules, facts)
  select id, now(), 'NEW_FACTS', 'v1', '["a","b"]', '{"attributes": {"region": "北京"}, "events": [{"id": "o1", "amount": 300}]}' from customer order by id;
insert into history_entry (evaluation_id, customer_id, dimension, kind, to_value, reasons, as_of, cause, ruleset_version)
  select e.id, e.customer_id, d, 'INITIAL', 'X', '["近90天购买 2 次(至少 2 次)"]', e.as_of, e.cause, e.ruleset_version
  from evaluation e cross join unnest(array['stage','tier','rfm','lifecycle']) d order by e.customer_id, d;
insert into attribute_change (customer_id, name, new_value) select id, n, '"北京"' from customer cross join unnest(array['region','city']) n order by id, n;
insert into customer_event_log (customer_id, event_id, type, at, fields, received_at)
  select id, 'o' || k, 'PURCHASE', now(), '{"amount": 300}', now() from customer cross join generate_series(1,3) k order by id, k;
insert into customer_event (customer_id, event_id, type, at, fields, received_at)
  select customer_id, event_id, type, at, fields, received_at from customer_event_log;
analyze;
select count(*) from history_entry;
