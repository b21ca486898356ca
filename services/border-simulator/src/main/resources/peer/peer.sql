-- DuckDB peer of the stay engine: the same stays/absences (RULES.md §3-§4) and 12/16-month-rule outcomes (§5)
-- computed in SQL over the same card file, written independently of the engine and of the simulator's Java
-- rules. Placeholders: ${file} card CSV, ${zone} reporting time zone, ${country} reporting country,
-- ${horizon} re-ordering horizon in days; the rules' parameters in days (border-flows.rules.*): ${visit} and
-- ${long_term} class limits, ${window} W and ${threshold} T of the 12/16 rule, ${allowance} N = W - T.
-- Statements are separated by a line holding only ";".

-- 1. The file as delivered; rowid keeps the delivery order.
CREATE OR REPLACE TABLE raw AS
SELECT * FROM read_csv('${file}', header = true, all_varchar = true, auto_detect = true)
;
CREATE OR REPLACE TABLE card AS
SELECT rowid AS pos, *,
       try_cast(crossed_at AS TIMESTAMPTZ) AS ts,
       try_cast(birth_date AS DATE) AS bd,
       try_cast(intended_stay_days AS INTEGER) AS isd
FROM raw
;
-- 2. RULES.md §1 validation: a record failing any rule is rejected (and counted), never half-processed.
CREATE OR REPLACE TABLE valid AS
SELECT * FROM (
    SELECT *, (ts AT TIME ZONE '${zone}')::DATE AS d FROM card
) WHERE event_id IS NOT NULL AND length(event_id) BETWEEN 1 AND 64
    AND direction IN ('ENTRY', 'EXIT')
    AND ts IS NOT NULL AND regexp_matches(crossed_at, '(Z|[+-][0-9]{2}:?[0-9]{2})$')
    AND ts >= TIMESTAMPTZ '1990-01-01 00:00:00+00'
    AND coalesce(border_post, '') <> ''
    AND regexp_matches(coalesce(document_country, ''), '^[A-Z]{3}$')
    AND coalesce(document_number, '') <> ''
    AND bd IS NOT NULL AND bd <= d AND bd > d - INTERVAL 121 YEAR
    AND sex IN ('M', 'F', 'X')
    AND regexp_matches(coalesce(citizenship, ''), '^[A-Z]{3}$')
    AND purpose IN ('OFFICIAL', 'TOURISM', 'BUSINESS', 'STUDY', 'WORK', 'PRIVATE', 'TRANSIT', 'OTHER')
    AND (intended_stay_days IS NULL OR (isd IS NOT NULL AND isd BETWEEN 0 AND 3650))
    AND (transport IS NULL OR transport IN ('AIR', 'ROAD', 'RAIL', 'SEA', 'OTHER'))
;
-- 3. Traveller identity (§2: country, number upper-cased without spaces and dashes, birth date). Issue 4's
--    horizon is judged per traveller: a record is late when its crossing date is more than the horizon before
--    the latest crossing date of the same traveller among the valid records delivered before it (a late record
--    cannot raise that date, so the plain running max is the same as one over the records kept). A traveller's
--    first record, or one newer than its others, is never late. Late records are set aside.
CREATE OR REPLACE TABLE timely AS
SELECT * FROM (
    SELECT *, max(d) OVER (PARTITION BY tkey ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS seen
    FROM (
        SELECT *, document_country || '|' || upper(replace(replace(document_number, ' ', ''), '-', ''))
                  || '|' || CAST(bd AS VARCHAR) AS tkey
        FROM valid
    )
) WHERE seen IS NULL OR d >= seen - INTERVAL ${horizon} DAY
;
-- 4. Duplicates (§3: same event_id, or same traveller + direction + card number + date) counted once.
CREATE OR REPLACE TABLE accepted AS
SELECT * FROM (
    SELECT * FROM timely QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY pos) = 1
) QUALIFY row_number() OVER (PARTITION BY tkey, direction, coalesce(card_number, ''), d ORDER BY pos) = 1
;
CREATE OR REPLACE TABLE clock AS SELECT max(d) AS clock FROM accepted
;
-- 5. Each traveller's crossings in the order of §3, with neighbours: by crossed_at; crossings at the same
--    instant (equal ts) alternate with the crossing before them (before the first: as if a resident had entered /
--    a non-resident had left), so a same-minute entry and exit never make a broken spell. With before_dir the
--    direction of the crossing before an instant, the k-th crossing (k = 0, 1, ..., by event_id) of each direction
--    takes slot 2k, or 2k + 1 in before_dir's direction. An instant's last crossing goes the way of the direction
--    it has more of, or, with as many of each, the way of before_dir: so before_dir is the majority direction of
--    the latest earlier instant that has one, else the initial one.
CREATE OR REPLACE TABLE instant AS
SELECT tkey, ts, any_value(res) AS res,
       count(*) FILTER (WHERE direction = 'ENTRY') AS entries,
       count(*) FILTER (WHERE direction = 'EXIT') AS exits
FROM (
    SELECT tkey, ts, direction,
           first_value(citizenship) OVER (PARTITION BY tkey ORDER BY ts, event_id) = '${country}' AS res
    FROM accepted
)
GROUP BY tkey, ts
;
CREATE OR REPLACE TABLE instant_before AS
SELECT tkey, ts, res,
       coalesce(last_value(CASE WHEN entries > exits THEN 'ENTRY' WHEN exits > entries THEN 'EXIT' END IGNORE NULLS)
                    OVER (PARTITION BY tkey ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                CASE WHEN res THEN 'ENTRY' ELSE 'EXIT' END) AS before_dir
FROM instant
;
CREATE OR REPLACE TABLE seq AS
SELECT tkey, event_id, direction, ts, slot, d, purpose, border_post, res,
       lag(direction) OVER w AS prev_dir,
       lead(direction) OVER w AS next_dir,
       lead(event_id) OVER w AS next_id,
       lead(d) OVER w AS next_d,
       row_number() OVER w AS k
FROM (
    SELECT a.*, b.res,
           2 * (row_number() OVER (PARTITION BY a.tkey, a.ts, a.direction ORDER BY a.event_id) - 1)
               + CASE WHEN a.direction = b.before_dir THEN 1 ELSE 0 END AS slot
    FROM accepted a JOIN instant_before b ON b.tkey = a.tkey AND b.ts = a.ts
)
WINDOW w AS (PARTITION BY tkey ORDER BY ts, slot)
;
-- 6. Spells (§3): a stay starts at a non-resident's entry, an absence at a resident's exit; it ends at the next
--    crossing if that goes the other way, is broken if it goes the same way, open if there is none. Classes §4.
CREATE OR REPLACE TABLE peer_spells AS
SELECT *,
       CASE WHEN state = 'BROKEN' THEN 'PENDING'
            WHEN state = 'OPEN' AND duration_days < ${visit} THEN 'PENDING'
            WHEN duration_days >= ${long_term} THEN 'LONG_TERM'
            WHEN duration_days >= ${visit} THEN 'SHORT_TERM'
            ELSE 'VISIT' END AS duration_class,
       state <> 'OPEN' OR duration_days >= ${long_term} AS class_final,
       state <> 'BROKEN' AND purpose = 'WORK' AND duration_days >= ${visit} AS labour
FROM (
    SELECT tkey,
           CASE WHEN res THEN 'ABSENCE' ELSE 'STAY' END AS kind,
           CASE WHEN next_dir IS NULL THEN 'OPEN' WHEN next_dir = direction THEN 'BROKEN' ELSE 'CLOSED' END AS state,
           event_id AS start_event_id, d AS start_date,
           CASE WHEN next_dir <> direction THEN next_id END AS end_event_id,
           CASE WHEN next_dir <> direction THEN next_d END AS end_date,
           CASE WHEN next_dir IS NULL THEN date_diff('day', d, (SELECT clock FROM clock))
                WHEN next_dir <> direction THEN date_diff('day', d, next_d) END AS duration_days,
           purpose
    FROM seq
    WHERE direction = CASE WHEN res THEN 'EXIT' ELSE 'ENTRY' END
)
;
CREATE OR REPLACE TABLE peer_orphans AS
SELECT tkey, event_id, d FROM seq WHERE NOT res AND direction = 'EXIT' AND (prev_dir IS NULL OR prev_dir = 'EXIT')
;
-- 7. 12/16-month rule (§5): window W, threshold T, N = W - T, S = 2N. Same-direction repeats removed as §3 measures
--    spells (the domain's reading): of a run of spell starts only the last counts, of a run of spell ends the first.
--    i numbers the remaining crossings; dur is the spell each starts (the last one counts as W days); pe / po
--    are running totals of the spells starting at even / odd i.
CREATE OR REPLACE TABLE alt AS
SELECT *, sum(CASE WHEN i % 2 = 0 THEN dur ELSE 0 END) OVER w AS pe,
          sum(CASE WHEN i % 2 = 1 THEN dur ELSE 0 END) OVER w AS po
FROM (
    SELECT *, coalesce(date_diff('day', d, lead(d) OVER (PARTITION BY tkey ORDER BY i)), ${window}) AS dur
    FROM (
        SELECT tkey, event_id, direction, d, res, row_number() OVER (PARTITION BY tkey ORDER BY ts, slot) - 1 AS i
        FROM seq
        WHERE CASE WHEN direction = CASE WHEN res THEN 'EXIT' ELSE 'ENTRY' END
                   THEN next_dir IS NULL OR next_dir <> direction
                   ELSE prev_dir IS NULL OR prev_dir <> direction END
    )
)
WINDOW w AS (PARTITION BY tkey ORDER BY i ROWS UNBOUNDED PRECEDING)
;
-- A review opened at crossing i adds spells i, i+2, ... to the new side and i+1, i+3, ... to the old side.
-- The first spell j at which the new side reaches T (or the old side exceeds N) is found with an ASOF join on
-- the running total of that parity; key = total * 10^6 + j makes the smallest such j the closest match.
CREATE OR REPLACE TABLE prefix AS
SELECT tkey, i % 2 AS par, i AS j, CAST(CASE WHEN i % 2 = 0 THEN pe ELSE po END AS BIGINT) * 1000000 + i AS k
FROM alt
;
CREATE OR REPLACE TABLE review AS
SELECT r.*, pn.j AS j_new FROM (
    SELECT *, i % 2 AS par, 1 - i % 2 AS opar,
           (CASE WHEN i % 2 = 0 THEN pe ELSE po END) - dur AS new0,
           CASE WHEN i % 2 = 0 THEN po ELSE pe END AS old0,
           CAST((CASE WHEN i % 2 = 0 THEN pe ELSE po END) - dur + ${threshold} AS BIGINT) * 1000000 AS new_target,
           CAST((CASE WHEN i % 2 = 0 THEN po ELSE pe END) + ${allowance} + 1 AS BIGINT) * 1000000 AS old_target
    FROM alt
) r ASOF LEFT JOIN prefix pn ON r.tkey = pn.tkey AND r.par = pn.par AND pn.k >= r.new_target
;
CREATE OR REPLACE TABLE review2 AS
SELECT r.*, po2.j AS j_old FROM review r
ASOF LEFT JOIN prefix po2 ON r.tkey = po2.tkey AND r.opar = po2.par AND po2.k >= r.old_target
;
-- The review's verdict if crossing i is in the migrating direction, and the date it becomes final.
CREATE OR REPLACE TABLE verdict AS
SELECT r.*, b.pe AS b_pe, b.po AS b_po,
       CASE WHEN r.ltm_hyp
            THEN r.d + CAST(${threshold} + (CASE WHEN r.i % 2 = 0 THEN b.po ELSE b.pe END) - r.old0 AS INTEGER)
            ELSE r.d + CAST(${allowance} + (CASE WHEN r.i % 2 = 0 THEN b.pe ELSE b.po END) - r.new0 AS INTEGER)
       END AS final_hyp
FROM (
    SELECT *, j_new IS NOT NULL AND (j_old IS NULL OR j_new < j_old) AS ltm_hyp,
           CASE WHEN j_new IS NOT NULL AND (j_old IS NULL OR j_new < j_old) THEN j_new ELSE j_old END AS j_dec
    FROM review2
) r JOIN alt b ON b.tkey = r.tkey AND b.i = r.j_dec
;
-- Which crossings are in the migrating direction: the first one if it moves the traveller away from the side
-- of the initial status; afterwards a crossing is migrating unless the one before was migrating and not a
-- long-term migration. So after any crossing whose review says long-term, the next is migrating, and between
-- such crossings migrating and non-migrating alternate.
CREATE OR REPLACE TABLE chain AS
SELECT *,
       CASE WHEN last_ltm IS NULL
            THEN ((i % 2 = 0) = (CASE WHEN res THEN dir0 = 'EXIT' ELSE dir0 = 'ENTRY' END))
            ELSE ((i - last_ltm - 1) % 2 = 0) END AS migrating
FROM (
    SELECT *, max(CASE WHEN ltm_hyp THEN i END) OVER (PARTITION BY tkey ORDER BY i
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_ltm,
              first_value(direction) OVER (PARTITION BY tkey ORDER BY i) AS dir0
    FROM verdict
)
;
-- Status: it flips at each migrating crossing that is a long-term migration. Final dates: the status after a
-- crossing is final at the latest of the crossing's own final date and every earlier one (a running max).
CREATE OR REPLACE TABLE status AS
SELECT *, CASE WHEN i = 0 THEN d ELSE greatest(lag(ra) OVER (PARTITION BY tkey ORDER BY i), d) END AS rb
FROM (
    SELECT *,
           (res::INT + coalesce(sum((migrating AND ltm_hyp)::INT) OVER (PARTITION BY tkey ORDER BY i
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) % 2 = 1 AS resident_before,
           max(CASE WHEN migrating THEN final_hyp ELSE d END) OVER (PARTITION BY tkey ORDER BY i
               ROWS UNBOUNDED PRECEDING) AS ra
    FROM chain
)
;
-- Return crossings of a running review (i+1, i+3, ... up to its decision) dated before the status-before final
-- date + S are at once "not a long-term migration", final on their own date; the earliest review decides.
CREATE OR REPLACE TABLE marks AS
SELECT m.tkey, m.mi, arg_min(greatest(t.d, m.rb), m.i) AS mark_final
FROM (
    SELECT tkey, i, rb, unnest(range(i + 1, j_dec + 1, 2)) AS mi FROM status WHERE migrating
) m JOIN status t ON t.tkey = m.tkey AND t.i = m.mi
WHERE t.d < m.rb + 2 * ${allowance}
GROUP BY m.tkey, m.mi
;
CREATE OR REPLACE TABLE peer_walked AS
SELECT s.tkey, s.event_id, s.direction, s.d AS crossing_date,
       s.resident_before,
       s.resident_before <> (s.migrating AND s.ltm_hyp) AS resident_after,
       s.migrating AND s.ltm_hyp AS long_term_migration,
       CASE WHEN s.migrating AND s.ltm_hyp THEN s.ra
            WHEN mk.mark_final IS NOT NULL THEN mk.mark_final::DATE
            ELSE s.ra END AS final_date,
       s.ra AS status_final
FROM status s LEFT JOIN marks mk ON mk.tkey = s.tkey AND mk.mi = s.i
;
-- §5 "every crossing thus carries" an outcome, also a same-direction repeat left out of the walk: it keeps the
-- status after the walked crossing before it (the initial status if none), is no migration, and is final on its
-- own date or when that status becomes final, if later (the domain's documented reading).
CREATE OR REPLACE TABLE peer_outcomes AS
SELECT tkey, event_id, direction, crossing_date, resident_before, resident_after, long_term_migration, final_date
FROM peer_walked
UNION ALL
SELECT r.tkey, r.event_id, r.direction, r.d,
       coalesce(w.resident_after, r.res), coalesce(w.resident_after, r.res), false,
       greatest(r.d, coalesce(w.status_final, r.d))
FROM (SELECT * FROM seq WHERE event_id NOT IN (SELECT event_id FROM peer_walked)) r
ASOF LEFT JOIN (SELECT p.*, q.k FROM peer_walked p JOIN seq q ON q.event_id = p.event_id) w
    ON w.tkey = r.tkey AND r.k > w.k
;
