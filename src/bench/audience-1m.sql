-- A realistic population for the audience benchmark, generated inside PostgreSQL.
--   psql -v customers=1000000 -v as_of=2026-11-23T00:00:00Z -f src/bench/audience-1m.sql
-- Customers c0000001…: 30 cities (北京 8%, 上海 7%, the other 28 about 3.1% each), gender, member flag, every
-- dimension filled. Events over the year before as_of, about 7 per customer on average (exponential, so some have
-- none and a few have 40+): VISIT 45%, PURCHASE 20% (12 brands, 资生堂 10%), INTERACTION 20%, SHARE 5%,
-- REFERRAL_PURCHASE 3%, REVIEW 3%, REFUND 2%, COMPLAINT 1%, SUGGESTION 1%.
-- Deterministic: setseed before each table.
\set ON_ERROR_STOP on
SET search_path = tierup;
-- The generated rows are consistent by construction: skip the per-row foreign key checks while loading.
SET session_replication_role = replica;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';

SELECT setseed(0.42);
INSERT INTO customer (id, attributes, dimensions)
SELECT 'c' || lpad(i::text, 7, '0'),
       jsonb_build_object(
           'region', CASE WHEN r < 0.08 THEN '北京' WHEN r < 0.15 THEN '上海'
                          ELSE (ARRAY['广州','深圳','杭州','成都','重庆','武汉','西安','南京','天津','苏州','长沙',
                                      '郑州','青岛','沈阳','大连','厦门','宁波','合肥','福州','济南','昆明','哈尔滨',
                                      '长春','石家庄','南宁','贵阳','乌鲁木齐','拉萨'])[1 + floor((r - 0.15) / 0.85 * 28)::int]
                     END,
           'gender', CASE WHEN random() < 0.6 THEN 'F' ELSE 'M' END,
           'member', random() < 0.4),
       jsonb_build_object(
           'stage', (ARRAY['FAMILIAR','COGNIZANT','TRUSTING','RELIANT'])[1 + floor(random() * 4)::int],
           'tier', (ARRAY['FOLLOWER','FOLLOWER','FOLLOWER','SPREADER','INFLUENCER','DIE_HARD_FAN','HEAVY_CONSUMER',
                          'DISTRIBUTOR'])[1 + floor(random() * 8)::int],
           'relationship', (ARRAY['BASIC','MEMBER_NO_PURCHASE','PURCHASED','REPEAT','KOC'])[1 + floor(random() * 5)::int],
           'rfm', (ARRAY['IMPORTANT_VALUE','IMPORTANT_DEVELOP','IMPORTANT_KEEP','IMPORTANT_RETAIN','GENERAL_VALUE',
                         'GENERAL_DEVELOP','GENERAL_KEEP','GENERAL_RETAIN'])[1 + floor(random() * 8)::int],
           'lifecycle', (ARRAY['NEW','MATURE','LOYAL','CHURNED'])[1 + floor(random() * 4)::int],
           'quadrant', (ARRAY['HIGH_FREQ_HIGH_VALUE','HIGH_FREQ_LOW_VALUE','LOW_FREQ_HIGH_VALUE',
                              'LOW_FREQ_LOW_VALUE'])[1 + floor(random() * 4)::int],
           'sensitivity', (ARRAY['FANATIC','SENSITIVE','NEUTRAL','INDIFFERENT'])[1 + floor(random() * 4)::int],
           'population', CASE WHEN random() < 0.1 THEN 'SUPER_USER' WHEN random() < 0.3 THEN 'PRIORITY' ELSE 'ORDINARY' END)
FROM (SELECT i, random() AS r FROM generate_series(1, :customers) AS i) AS g;

SELECT setseed(0.43);
INSERT INTO customer_event (customer_id, event_id, type, at, fields)
SELECT customer_id, 'e' || n, type, :'as_of'::timestamptz - random() * interval '365 days',
       CASE type
           WHEN 'PURCHASE' THEN jsonb_build_object('amount', 20 + floor(random() * 980)::int,
                'brand', (ARRAY['资生堂','兰蔻','雅诗兰黛','欧莱雅','SK-II','完美日记','花西子','百雀羚','珀莱雅',
                                '薇诺娜','自然堂','无印良品'])[CASE WHEN random() < 0.1 THEN 1 ELSE 2 + floor(random() * 11)::int END],
                'couponUsed', random() < 0.3)
           WHEN 'INTERACTION' THEN jsonb_build_object('kind', (ARRAY['READ','LIKE','REPLY','QUESTION'])[1 + floor(random() * 4)::int])
           WHEN 'SHARE' THEN jsonb_build_object('incentivized', random() < 0.5)
           WHEN 'REFERRAL_PURCHASE' THEN jsonb_build_object('referredCustomerId', 'x', 'amount', 20 + floor(random() * 500)::int)
           WHEN 'REVIEW' THEN jsonb_build_object('rating', 1 + floor(random() * 5)::int)
           WHEN 'REFUND' THEN jsonb_build_object('amount', 20 + floor(random() * 300)::int)
           WHEN 'COMPLAINT' THEN jsonb_build_object('resolved', random() < 0.7)
           ELSE '{}'::jsonb
       END
FROM (
    SELECT c.id AS customer_id, n,
           CASE WHEN t < 0.45 THEN 'VISIT' WHEN t < 0.65 THEN 'PURCHASE' WHEN t < 0.85 THEN 'INTERACTION'
                WHEN t < 0.90 THEN 'SHARE' WHEN t < 0.93 THEN 'REFERRAL_PURCHASE' WHEN t < 0.96 THEN 'REVIEW'
                WHEN t < 0.98 THEN 'REFUND' WHEN t < 0.99 THEN 'COMPLAINT' ELSE 'SUGGESTION' END AS type
    FROM (SELECT id, floor(-ln(1 - random()) * 7)::int AS events FROM customer WHERE id LIKE 'c%') AS c,
         LATERAL (SELECT n, random() AS t FROM generate_series(1, c.events) AS n) AS e
) AS g;

RESET session_replication_role;
VACUUM ANALYZE customer;
VACUUM ANALYZE customer_event;
SELECT (SELECT count(*) FROM customer) AS customers, (SELECT count(*) FROM customer_event) AS events,
       pg_size_pretty(pg_total_relation_size('customer')) AS customer_size,
       pg_size_pretty(pg_total_relation_size('customer_event')) AS event_size;
