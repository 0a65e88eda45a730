-- The volunteering KPI summary (docs/decisions/0008-kpi-summary.md): volunteer_activity_years holds
-- each employee's participations and minutes per fiscal year and field ('all' = every field), and
-- volunteer_activity_totals the same summed per group company and site, with `participants`, the
-- employees whose row is above zero. Only the triggers below write them. Changes to sign-ups and hour
-- logs are applied per statement (one set-based pass for a bulk insert); rarer changes (a shift's
-- start, an opportunity's field or time zone, an employee's company or site, an organisation's
-- fiscal year start) per row. Every path locks what it reads (FOR SHARE) so that a concurrent change
-- of those rows waits, and the summary stays exact under concurrency.
CREATE TYPE "volunteer_activity_delta" AS (
	"org_id" uuid, "employee_id" uuid, "fiscal_year" smallint, "field" text, "participations" integer, "minutes" integer
);
--> statement-breakpoint
CREATE TYPE "volunteer_activity_total_delta" AS (
	"org_id" uuid, "fiscal_year" smallint, "company_id" uuid, "site_id" uuid, "field" text,
	"participants" integer, "participations" integer, "minutes" integer
);
--> statement-breakpoint
-- The fiscal year (named by the calendar year it starts in) of a date; src/shared/fiscal-year.ts.
CREATE FUNCTION "fiscal_year_of"(day date, start_month integer) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (extract(year FROM day)::integer - (extract(month FROM day)::integer < start_month)::integer)::smallint $$;
--> statement-breakpoint
-- Adds changes to company and site totals. A missing row is created at zero first and then updated:
-- the check constraints refuse a negative proposed row even when ON CONFLICT would have updated.
-- Rows are created and locked in key order (here and in volunteer_activity_add: the employees' rows
-- first, then the totals), so two statements that change the same rows never deadlock.
CREATE FUNCTION "volunteer_activity_add_totals"(deltas volunteer_activity_total_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(deltas), 0) = 0 THEN RETURN; END IF;
  INSERT INTO volunteer_activity_totals
    (org_id, fiscal_year, company_id, site_id, field, participants, participations, minutes)
  SELECT DISTINCT d.org_id, d.fiscal_year, d.company_id, d.site_id, d.field, 0, 0, 0
    FROM unnest(deltas) d
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, fiscal_year, company_id, site_id, field) DO NOTHING;
  PERFORM 1 FROM volunteer_activity_totals t
    JOIN (SELECT DISTINCT org_id, fiscal_year, company_id, site_id, field FROM unnest(deltas)) d
      ON t.org_id = d.org_id AND t.fiscal_year = d.fiscal_year AND t.company_id = d.company_id
     AND t.site_id IS NOT DISTINCT FROM d.site_id AND t.field = d.field
   ORDER BY t.org_id, t.fiscal_year, t.company_id, t.site_id, t.field FOR NO KEY UPDATE OF t;
  UPDATE volunteer_activity_totals t
     SET participants = t.participants + d.participants,
         participations = t.participations + d.participations,
         minutes = t.minutes + d.minutes
    FROM (SELECT org_id, fiscal_year, company_id, site_id, field, sum(participants) AS participants,
                 sum(participations) AS participations, sum(minutes) AS minutes
            FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5) d
   WHERE t.org_id = d.org_id AND t.fiscal_year = d.fiscal_year AND t.company_id = d.company_id
     AND t.site_id IS NOT DISTINCT FROM d.site_id AND t.field = d.field;
END $$;
--> statement-breakpoint
-- Adds participation changes (one row per contribution, +1 or -1 with its minutes) to the employees'
-- rows, their 'all' rows and their current company and site's totals. The rows' new counts tell
-- exactly who starts or stops counting as a participant, whatever runs concurrently. Every step is a
-- grouping or an index lookup, so a bulk statement costs in proportion to its rows whatever plan
-- PL/pgSQL has cached.
CREATE FUNCTION "volunteer_activity_add"(deltas volunteer_activity_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  net volunteer_activity_delta[];
  fresh volunteer_activity_delta[];
  rest volunteer_activity_delta[];
  totals volunteer_activity_total_delta[];
  updated bigint;
BEGIN
  SELECT array_agg(ROW(s.org_id, s.employee_id, s.fiscal_year, s.field, s.participations, s.minutes)::volunteer_activity_delta
                   ORDER BY s.org_id, s.employee_id, s.fiscal_year, s.field)
    INTO net
    FROM (SELECT c.org_id, c.employee_id, c.fiscal_year, c.field,
                 sum(c.participations)::integer AS participations, sum(c.minutes)::integer AS minutes
            FROM (SELECT d.org_id, d.employee_id, d.fiscal_year, d.field, d.participations, d.minutes FROM unnest(deltas) d
                  UNION ALL
                  SELECT d.org_id, d.employee_id, d.fiscal_year, 'all', d.participations, d.minutes FROM unnest(deltas) d) c
           GROUP BY 1, 2, 3, 4
          HAVING sum(c.participations) <> 0 OR sum(c.minutes) <> 0) s;
  IF net IS NULL THEN RETURN; END IF;
  -- An employee's move to another company or site waits for this transaction, and the other way round.
  PERFORM 1 FROM employees e
   WHERE (e.org_id, e.id) IN (SELECT d.org_id, d.employee_id FROM unnest(net) d)
   ORDER BY e.id FOR SHARE;
  -- Rows that do not exist yet are inserted with their counts, in key order (a concurrent insert of
  -- the same key waits for this transaction, then finds the row). Only an increase can start a row;
  -- the checks apply to the proposed row even when it conflicts.
  WITH inserted AS (
    INSERT INTO volunteer_activity_years (org_id, employee_id, fiscal_year, field, participations, minutes)
    SELECT d.org_id, d.employee_id, d.fiscal_year, d.field, d.participations, d.minutes FROM unnest(net) d
     WHERE d.participations > 0 AND d.minutes > 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, employee_id, fiscal_year, field) DO NOTHING
    RETURNING org_id, employee_id, fiscal_year, field, participations, minutes
  )
  SELECT array_agg(ROW(i.org_id, i.employee_id, i.fiscal_year, i.field, i.participations, i.minutes)::volunteer_activity_delta)
    INTO fresh FROM inserted i;
  -- The others exist (a decrease must find its row): lock them in key order, then add.
  SELECT array_agg(ROW(k.org_id, k.employee_id, k.fiscal_year, k.field, k.participations, k.minutes)::volunteer_activity_delta
                   ORDER BY k.org_id, k.employee_id, k.fiscal_year, k.field)
    INTO rest
    FROM (SELECT c.org_id, c.employee_id, c.fiscal_year, c.field,
                 sum(c.participations)::integer AS participations, sum(c.minutes)::integer AS minutes
            FROM (SELECT d.org_id, d.employee_id, d.fiscal_year, d.field, d.participations, d.minutes, false AS fresh
                    FROM unnest(net) d
                  UNION ALL
                  SELECT f.org_id, f.employee_id, f.fiscal_year, f.field, 0, 0, true FROM unnest(fresh) f) c
           GROUP BY 1, 2, 3, 4
          HAVING NOT bool_or(c.fresh)) k;
  IF rest IS NOT NULL THEN
    PERFORM 1 FROM volunteer_activity_years y
      JOIN unnest(rest) d ON y.org_id = d.org_id AND y.employee_id = d.employee_id
       AND y.fiscal_year = d.fiscal_year AND y.field = d.field
     ORDER BY y.org_id, y.employee_id, y.fiscal_year, y.field FOR NO KEY UPDATE OF y;
  END IF;
  WITH changed AS (
    UPDATE volunteer_activity_years y
       SET participations = y.participations + d.participations, minutes = y.minutes + d.minutes
      FROM unnest(rest) d
     WHERE y.org_id = d.org_id AND y.employee_id = d.employee_id AND y.fiscal_year = d.fiscal_year AND y.field = d.field
    RETURNING y.org_id, y.employee_id, y.fiscal_year, y.field, y.participations,
              d.participations AS added, d.minutes AS added_minutes
  )
  SELECT array_agg(ROW(s.org_id, s.fiscal_year, s.company_id, s.site_id, s.field,
                       s.participants, s.participations, s.minutes)::volunteer_activity_total_delta),
         (SELECT count(*) FROM changed)
    INTO totals, updated
    FROM (SELECT c.org_id, c.fiscal_year, e.company_id, e.site_id, c.field,
                 sum((c.participations > 0)::integer - (c.participations - c.added > 0)::integer)::integer AS participants,
                 sum(c.added)::integer AS participations, sum(c.added_minutes)::integer AS minutes
            FROM (SELECT f.org_id, f.employee_id, f.fiscal_year, f.field, f.participations,
                         f.participations AS added, f.minutes AS added_minutes
                    FROM unnest(fresh) f
                  UNION ALL
                  SELECT * FROM changed) c
            JOIN employees e ON e.org_id = c.org_id AND e.id = c.employee_id
           GROUP BY 1, 2, 3, 4, 5) s;
  IF updated <> coalesce(cardinality(rest), 0) THEN
    RAISE EXCEPTION 'volunteer_activity_years has no row to decrease: rebuild it with volunteer_activity_rebuild()'
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM volunteer_activity_add_totals(totals);
END $$;
--> statement-breakpoint
-- Recomputes an organisation's summary from its sign-ups and hour logs: the migration's backfill, the
-- change of the fiscal year's start month, and the oracle of the summary's test.
CREATE FUNCTION "volunteer_activity_rebuild"(org uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM volunteer_activity_totals WHERE org_id = org;
  DELETE FROM volunteer_activity_years WHERE org_id = org;
  INSERT INTO volunteer_activity_years (org_id, employee_id, fiscal_year, field, participations, minutes)
  SELECT org, a.employee_id, a.fiscal_year, coalesce(a.field, 'all'), count(*), sum(a.minutes)
    FROM (SELECT r.employee_id, o.field, r.minutes,
                 fiscal_year_of((s.starts_at AT TIME ZONE o.time_zone)::date, g.fiscal_year_start_month) AS fiscal_year
            FROM signups r
            JOIN opportunity_shifts s ON s.org_id = r.org_id AND s.id = r.shift_id
            JOIN opportunities o ON o.org_id = s.org_id AND o.id = s.opportunity_id
            JOIN organisations g ON g.id = r.org_id
           WHERE r.org_id = org AND r.attendance = 'attended'
          UNION ALL
          SELECT l.employee_id, l.field, l.minutes, fiscal_year_of(l.activity_date, g.fiscal_year_start_month)
            FROM volunteer_hour_logs l JOIN organisations g ON g.id = l.org_id
           WHERE l.org_id = org AND l.status = 'approved') a
   GROUP BY GROUPING SETS ((a.employee_id, a.fiscal_year, a.field), (a.employee_id, a.fiscal_year));
  INSERT INTO volunteer_activity_totals
    (org_id, fiscal_year, company_id, site_id, field, participants, participations, minutes)
  SELECT org, y.fiscal_year, e.company_id, e.site_id, y.field, count(*), sum(y.participations), sum(y.minutes)
    FROM volunteer_activity_years y JOIN employees e ON e.org_id = y.org_id AND e.id = y.employee_id
   WHERE y.org_id = org
   GROUP BY y.fiscal_year, e.company_id, e.site_id, y.field;
END $$;
--> statement-breakpoint
-- Attended sign-ups count: each statement's old rows are taken out and its new rows put in (the
-- type carries what a sign-up contributes, with +1 or -1).
CREATE TYPE "volunteer_activity_attendance" AS (
	"org_id" uuid, "shift_id" uuid, "employee_id" uuid, "minutes" integer, "direction" integer
);
--> statement-breakpoint
CREATE FUNCTION "volunteer_activity_add_attendance"(changes volunteer_activity_attendance[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- A change of these shifts, their opportunities or the fiscal year's start waits for this
  -- transaction, and the other way round; the rows are read once locked.
  PERFORM 1 FROM opportunity_shifts s
    JOIN opportunities o ON o.org_id = s.org_id AND o.id = s.opportunity_id
    JOIN organisations g ON g.id = s.org_id
   WHERE s.id IN (SELECT c.shift_id FROM unnest(changes) c)
   ORDER BY s.id FOR SHARE;
  PERFORM volunteer_activity_add(ARRAY(
    SELECT ROW(c.org_id, c.employee_id,
               fiscal_year_of((s.starts_at AT TIME ZONE o.time_zone)::date, g.fiscal_year_start_month),
               o.field, c.direction, c.direction * c.minutes)::volunteer_activity_delta
      FROM unnest(changes) c
      JOIN opportunity_shifts s ON s.org_id = c.org_id AND s.id = c.shift_id
      JOIN opportunities o ON o.org_id = s.org_id AND o.id = s.opportunity_id
      JOIN organisations g ON g.id = c.org_id));
END $$;
--> statement-breakpoint
CREATE FUNCTION "volunteer_activity_signups_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes volunteer_activity_attendance[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(SELECT ROW(n.org_id, n.shift_id, n.employee_id, n.minutes, 1)::volunteer_activity_attendance
                       FROM new_rows n WHERE n.attendance = 'attended');
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(SELECT ROW(o.org_id, o.shift_id, o.employee_id, o.minutes, -1)::volunteer_activity_attendance
                       FROM old_rows o WHERE o.attendance = 'attended');
  ELSE
    -- A row whose counted values stay (a check-in time, who took attendance) cancels out.
    changes := ARRAY(
      SELECT ROW(c.org_id, c.shift_id, c.employee_id, c.minutes, sum(c.direction)::integer)::volunteer_activity_attendance
        FROM (SELECT o.id, o.org_id, o.shift_id, o.employee_id, o.minutes, -1 AS direction
                FROM old_rows o WHERE o.attendance = 'attended'
              UNION ALL
              SELECT n.id, n.org_id, n.shift_id, n.employee_id, n.minutes, 1
                FROM new_rows n WHERE n.attendance = 'attended') c
       GROUP BY c.id, c.org_id, c.shift_id, c.employee_id, c.minutes
      HAVING sum(c.direction) <> 0);
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM volunteer_activity_add_attendance(changes); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "signups_activity_insert" AFTER INSERT ON "signups"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_signups_changed();
--> statement-breakpoint
CREATE TRIGGER "signups_activity_update" AFTER UPDATE ON "signups"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_signups_changed();
--> statement-breakpoint
CREATE TRIGGER "signups_activity_delete" AFTER DELETE ON "signups"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_signups_changed();
--> statement-breakpoint
-- Approved hour logs count, the same way: the organisation's row is locked, then read (its fiscal
-- year's start month); unchanged rows cancel out in volunteer_activity_add.
CREATE FUNCTION "volunteer_activity_hour_logs_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes volunteer_activity_delta[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(n.org_id, n.employee_id, fiscal_year_of(n.activity_date, g.fiscal_year_start_month), n.field,
                 1, n.minutes)::volunteer_activity_delta
        FROM new_rows n JOIN organisations g ON g.id = n.org_id
       WHERE n.status = 'approved'
         FOR SHARE OF g);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(o.org_id, o.employee_id, fiscal_year_of(o.activity_date, g.fiscal_year_start_month), o.field,
                 -1, -o.minutes)::volunteer_activity_delta
        FROM old_rows o JOIN organisations g ON g.id = o.org_id
       WHERE o.status = 'approved'
         FOR SHARE OF g);
  ELSE
    changes := ARRAY(
      SELECT ROW(c.org_id, c.employee_id, fiscal_year_of(c.activity_date, g.fiscal_year_start_month), c.field,
                 c.direction, c.direction * c.minutes)::volunteer_activity_delta
        FROM (SELECT o.org_id, o.employee_id, o.activity_date, o.field, o.minutes, -1 AS direction
                FROM old_rows o WHERE o.status = 'approved'
              UNION ALL
              SELECT n.org_id, n.employee_id, n.activity_date, n.field, n.minutes, 1
                FROM new_rows n WHERE n.status = 'approved') c
        JOIN organisations g ON g.id = c.org_id
         FOR SHARE OF g);
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM volunteer_activity_add(changes); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "volunteer_hour_logs_activity_insert" AFTER INSERT ON "volunteer_hour_logs"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_hour_logs_changed();
--> statement-breakpoint
CREATE TRIGGER "volunteer_hour_logs_activity_update" AFTER UPDATE ON "volunteer_hour_logs"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_hour_logs_changed();
--> statement-breakpoint
CREATE TRIGGER "volunteer_hour_logs_activity_delete" AFTER DELETE ON "volunteer_hour_logs"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_activity_hour_logs_changed();
--> statement-breakpoint
-- A shift that moves (maybe into another fiscal year) or to another opportunity moves its attended
-- sign-ups' participation.
CREATE FUNCTION "volunteer_activity_shift_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM opportunities o JOIN organisations g ON g.id = o.org_id
   WHERE o.org_id = NEW.org_id AND o.id IN (OLD.opportunity_id, NEW.opportunity_id)
   ORDER BY o.id FOR SHARE;
  PERFORM volunteer_activity_add(ARRAY(
    SELECT ROW(r.org_id, r.employee_id,
               fiscal_year_of((x.starts_at AT TIME ZONE o.time_zone)::date, g.fiscal_year_start_month),
               o.field, x.direction, x.direction * r.minutes)::volunteer_activity_delta
      FROM (VALUES (OLD.opportunity_id, OLD.starts_at, -1), (NEW.opportunity_id, NEW.starts_at, 1))
             AS x(opportunity_id, starts_at, direction)
      JOIN opportunities o ON o.org_id = NEW.org_id AND o.id = x.opportunity_id
      JOIN organisations g ON g.id = NEW.org_id
      JOIN signups r ON r.org_id = NEW.org_id AND r.shift_id = NEW.id AND r.attendance = 'attended'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "opportunity_shifts_activity" AFTER UPDATE OF starts_at, opportunity_id ON "opportunity_shifts"
FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.opportunity_id IS DISTINCT FROM NEW.opportunity_id)
EXECUTE FUNCTION volunteer_activity_shift_moved();
--> statement-breakpoint
-- An opportunity's field or time zone (which decides its shifts' local dates) moves the participation
-- of every attended sign-up of its shifts.
CREATE FUNCTION "volunteer_activity_opportunity_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM organisations g WHERE g.id = NEW.org_id FOR SHARE;
  PERFORM volunteer_activity_add(ARRAY(
    SELECT ROW(r.org_id, r.employee_id,
               fiscal_year_of((s.starts_at AT TIME ZONE x.time_zone)::date, g.fiscal_year_start_month),
               x.field, x.direction, x.direction * r.minutes)::volunteer_activity_delta
      FROM (VALUES (OLD.field, OLD.time_zone, -1), (NEW.field, NEW.time_zone, 1)) AS x(field, time_zone, direction)
      JOIN organisations g ON g.id = NEW.org_id
      JOIN opportunity_shifts s ON s.org_id = NEW.org_id AND s.opportunity_id = NEW.id
      JOIN signups r ON r.org_id = s.org_id AND r.shift_id = s.id AND r.attendance = 'attended'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "opportunities_activity" AFTER UPDATE OF field, time_zone ON "opportunities"
FOR EACH ROW WHEN (OLD.field IS DISTINCT FROM NEW.field OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
EXECUTE FUNCTION volunteer_activity_opportunity_changed();
--> statement-breakpoint
-- An employee who moves to another company or site takes their participation along (figures count
-- employees in their current company and site).
CREATE FUNCTION "volunteer_activity_employee_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM volunteer_activity_add_totals(ARRAY(
    SELECT ROW(y.org_id, y.fiscal_year, x.company_id, x.site_id, y.field, x.direction,
               x.direction * y.participations, x.direction * y.minutes)::volunteer_activity_total_delta
      FROM volunteer_activity_years y
      CROSS JOIN (VALUES (OLD.company_id, OLD.site_id, -1), (NEW.company_id, NEW.site_id, 1))
             AS x(company_id, site_id, direction)
     WHERE y.org_id = NEW.org_id AND y.employee_id = NEW.id AND y.participations > 0));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "employees_activity" AFTER UPDATE OF company_id, site_id ON "employees"
FOR EACH ROW WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id OR OLD.site_id IS DISTINCT FROM NEW.site_id)
EXECUTE FUNCTION volunteer_activity_employee_moved();
--> statement-breakpoint
-- Another start month changes every row's fiscal year: recompute the organisation's summary.
CREATE FUNCTION "volunteer_activity_organisation_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM volunteer_activity_rebuild(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organisations_activity" AFTER UPDATE OF fiscal_year_start_month ON "organisations"
FOR EACH ROW WHEN (OLD.fiscal_year_start_month IS DISTINCT FROM NEW.fiscal_year_start_month)
EXECUTE FUNCTION volunteer_activity_organisation_changed();
--> statement-breakpoint
SELECT volunteer_activity_rebuild(id) FROM organisations;
