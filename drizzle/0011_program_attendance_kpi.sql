-- Employees named as attendees of program sessions count in the volunteering participants KPI, once per
-- person and fiscal year (docs/programs.md, "Sessions and surveys"). The summary of 0004 gains
-- `sessions`, the program sessions an employee attended in the year (per field: the program's company
-- field, and 'all'); an employee's row counts as a participant when it has a participation OR a session,
-- so someone who attended both an opportunity and a program session is one participant. Participations
-- and minutes stay those of sign-ups and hour logs (a session records no hours), so a company's total may
-- now count more participants than participations. Session dates are plain dates: their fiscal year is
-- fiscal_year_of(starts_on, start month), like an hour log's.
ALTER TABLE "volunteer_activity_years" ADD COLUMN "sessions" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "volunteer_activity_years" ADD CONSTRAINT "volunteer_activity_years_sessions" CHECK ("volunteer_activity_years"."sessions" >= 0);
--> statement-breakpoint
ALTER TABLE "volunteer_activity_totals" DROP CONSTRAINT "volunteer_activity_totals_counts";
--> statement-breakpoint
ALTER TABLE "volunteer_activity_totals" ADD CONSTRAINT "volunteer_activity_totals_counts" CHECK ("volunteer_activity_totals"."participants" >= 0 and "volunteer_activity_totals"."participations" >= 0 and "volunteer_activity_totals"."minutes" >= 0);
--> statement-breakpoint
-- 0004's function with one change: a row whose participations fall to zero still counts while it has
-- sessions (and one that starts participating does not count twice).
CREATE OR REPLACE FUNCTION "volunteer_activity_add"(deltas volunteer_activity_delta[]) RETURNS void
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
  PERFORM 1 FROM employees e
   WHERE (e.org_id, e.id) IN (SELECT d.org_id, d.employee_id FROM unnest(net) d)
   ORDER BY e.id FOR SHARE;
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
    RETURNING y.org_id, y.employee_id, y.fiscal_year, y.field, y.participations, y.sessions,
              d.participations AS added, d.minutes AS added_minutes
  )
  SELECT array_agg(ROW(s.org_id, s.fiscal_year, s.company_id, s.site_id, s.field,
                       s.participants, s.participations, s.minutes)::volunteer_activity_total_delta),
         (SELECT count(*) FROM changed)
    INTO totals, updated
    FROM (SELECT c.org_id, c.fiscal_year, e.company_id, e.site_id, c.field,
                 sum((c.participations > 0 OR c.sessions > 0)::integer
                     - (c.participations - c.added > 0 OR c.sessions > 0)::integer)::integer AS participants,
                 sum(c.added)::integer AS participations, sum(c.added_minutes)::integer AS minutes
            FROM (SELECT f.org_id, f.employee_id, f.fiscal_year, f.field, f.participations, 0 AS sessions,
                         f.participations AS added, f.minutes AS added_minutes
                    FROM unnest(fresh) f
                  UNION ALL
                  SELECT c.org_id, c.employee_id, c.fiscal_year, c.field, c.participations, c.sessions,
                         c.added, c.added_minutes FROM changed c) c
            JOIN employees e ON e.org_id = c.org_id AND e.id = c.employee_id
           GROUP BY 1, 2, 3, 4, 5) s;
  IF updated <> coalesce(cardinality(rest), 0) THEN
    RAISE EXCEPTION 'volunteer_activity_years has no row to decrease: rebuild it with volunteer_activity_rebuild()'
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM volunteer_activity_add_totals(totals);
END $$;
--> statement-breakpoint
-- A change of attended program sessions: +1 or -1 session of an employee in a fiscal year and field
-- (null: the program has no company field, so only 'all' counts it).
CREATE TYPE "program_attendance_delta" AS (
	"org_id" uuid, "employee_id" uuid, "fiscal_year" smallint, "field" text, "sessions" integer
);
--> statement-breakpoint
-- Adds session changes to the employees' rows (created at zero when missing, then locked in key order, as
-- volunteer_activity_add does) and their company and site's totals: a row starts or stops counting as a
-- participant only when it has no participation.
CREATE FUNCTION "volunteer_activity_add_sessions"(deltas program_attendance_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  net program_attendance_delta[];
  totals volunteer_activity_total_delta[];
  updated bigint;
BEGIN
  SELECT array_agg(ROW(s.org_id, s.employee_id, s.fiscal_year, s.field, s.sessions)::program_attendance_delta
                   ORDER BY s.org_id, s.employee_id, s.fiscal_year, s.field)
    INTO net
    FROM (SELECT c.org_id, c.employee_id, c.fiscal_year, c.field, sum(c.sessions)::integer AS sessions
            FROM (SELECT d.org_id, d.employee_id, d.fiscal_year, d.field, d.sessions FROM unnest(deltas) d
                   WHERE d.field IS NOT NULL
                  UNION ALL
                  SELECT d.org_id, d.employee_id, d.fiscal_year, 'all', d.sessions FROM unnest(deltas) d) c
           GROUP BY 1, 2, 3, 4
          HAVING sum(c.sessions) <> 0) s;
  IF net IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM employees e
   WHERE (e.org_id, e.id) IN (SELECT d.org_id, d.employee_id FROM unnest(net) d)
   ORDER BY e.id FOR SHARE;
  INSERT INTO volunteer_activity_years (org_id, employee_id, fiscal_year, field, participations, minutes, sessions)
  SELECT d.org_id, d.employee_id, d.fiscal_year, d.field, 0, 0, 0 FROM unnest(net) d
   WHERE d.sessions > 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, employee_id, fiscal_year, field) DO NOTHING;
  PERFORM 1 FROM volunteer_activity_years y
    JOIN unnest(net) d ON y.org_id = d.org_id AND y.employee_id = d.employee_id
     AND y.fiscal_year = d.fiscal_year AND y.field = d.field
   ORDER BY y.org_id, y.employee_id, y.fiscal_year, y.field FOR NO KEY UPDATE OF y;
  WITH changed AS (
    UPDATE volunteer_activity_years y
       SET sessions = y.sessions + d.sessions
      FROM unnest(net) d
     WHERE y.org_id = d.org_id AND y.employee_id = d.employee_id AND y.fiscal_year = d.fiscal_year AND y.field = d.field
    RETURNING y.org_id, y.employee_id, y.fiscal_year, y.field, y.participations, y.sessions, d.sessions AS added
  )
  SELECT array_agg(ROW(s.org_id, s.fiscal_year, s.company_id, s.site_id, s.field,
                       s.participants, 0, 0)::volunteer_activity_total_delta),
         (SELECT count(*) FROM changed)
    INTO totals, updated
    FROM (SELECT c.org_id, c.fiscal_year, e.company_id, e.site_id, c.field,
                 sum((c.participations > 0 OR c.sessions > 0)::integer
                     - (c.participations > 0 OR c.sessions - c.added > 0)::integer)::integer AS participants
            FROM changed c JOIN employees e ON e.org_id = c.org_id AND e.id = c.employee_id
           GROUP BY 1, 2, 3, 4, 5) s;
  IF updated <> cardinality(net) THEN
    RAISE EXCEPTION 'volunteer_activity_years has no row to decrease: rebuild it with volunteer_activity_rebuild()'
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM volunteer_activity_add_totals(totals);
END $$;
--> statement-breakpoint
-- Attendees added or removed (a session's deletion removes its attendees first, below, so the session is
-- still there to be read). The sessions, their programs and the organisation are locked, then read.
CREATE FUNCTION "program_attendees_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes program_attendance_delta[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(n.org_id, n.employee_id, fiscal_year_of(s.starts_on, g.fiscal_year_start_month), p.company_field, 1)::program_attendance_delta
        FROM new_rows n
        JOIN program_sessions s ON s.org_id = n.org_id AND s.id = n.session_id
        JOIN programs p ON p.org_id = s.org_id AND p.id = s.program_id
        JOIN organisations g ON g.id = n.org_id
         FOR SHARE OF s, p, g);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(o.org_id, o.employee_id, fiscal_year_of(s.starts_on, g.fiscal_year_start_month), p.company_field, -1)::program_attendance_delta
        FROM old_rows o
        JOIN program_sessions s ON s.org_id = o.org_id AND s.id = o.session_id
        JOIN programs p ON p.org_id = s.org_id AND p.id = s.program_id
        JOIN organisations g ON g.id = o.org_id
         FOR SHARE OF s, p, g);
  ELSE
    changes := ARRAY(
      SELECT ROW(c.org_id, c.employee_id, fiscal_year_of(s.starts_on, g.fiscal_year_start_month), p.company_field, c.direction)::program_attendance_delta
        FROM (SELECT o.org_id, o.session_id, o.employee_id, -1 AS direction FROM old_rows o
              UNION ALL
              SELECT n.org_id, n.session_id, n.employee_id, 1 FROM new_rows n) c
        JOIN program_sessions s ON s.org_id = c.org_id AND s.id = c.session_id
        JOIN programs p ON p.org_id = s.org_id AND p.id = s.program_id
        JOIN organisations g ON g.id = c.org_id
         FOR SHARE OF s, p, g);
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM volunteer_activity_add_sessions(changes); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "program_session_attendees_activity_insert" AFTER INSERT ON "program_session_attendees"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_attendees_changed();
--> statement-breakpoint
CREATE TRIGGER "program_session_attendees_activity_update" AFTER UPDATE ON "program_session_attendees"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_attendees_changed();
--> statement-breakpoint
CREATE TRIGGER "program_session_attendees_activity_delete" AFTER DELETE ON "program_session_attendees"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION program_attendees_changed();
--> statement-breakpoint
-- A session's attendees leave before the session does (the cascade would run after the row is gone).
CREATE FUNCTION "program_session_deleting"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM program_session_attendees WHERE org_id = OLD.org_id AND session_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "program_sessions_attendees_delete" BEFORE DELETE ON "program_sessions"
FOR EACH ROW EXECUTE FUNCTION program_session_deleting();
--> statement-breakpoint
-- A session that moves (maybe into another fiscal year) or to another program moves its attendees.
CREATE FUNCTION "program_session_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM programs p JOIN organisations g ON g.id = p.org_id
   WHERE p.org_id = NEW.org_id AND p.id IN (OLD.program_id, NEW.program_id)
   ORDER BY p.id FOR SHARE;
  PERFORM volunteer_activity_add_sessions(ARRAY(
    SELECT ROW(a.org_id, a.employee_id, fiscal_year_of(x.starts_on, g.fiscal_year_start_month), p.company_field,
               x.direction)::program_attendance_delta
      FROM (VALUES (OLD.program_id, OLD.starts_on, -1), (NEW.program_id, NEW.starts_on, 1))
             AS x(program_id, starts_on, direction)
      JOIN programs p ON p.org_id = NEW.org_id AND p.id = x.program_id
      JOIN organisations g ON g.id = NEW.org_id
      JOIN program_session_attendees a ON a.org_id = NEW.org_id AND a.session_id = NEW.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "program_sessions_activity" AFTER UPDATE OF starts_on, program_id ON "program_sessions"
FOR EACH ROW WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.program_id IS DISTINCT FROM NEW.program_id)
EXECUTE FUNCTION program_session_moved();
--> statement-breakpoint
-- A program's company field moves the sessions of every attendee of its sessions to the new field.
CREATE FUNCTION "program_field_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM organisations g WHERE g.id = NEW.org_id FOR SHARE;
  PERFORM volunteer_activity_add_sessions(ARRAY(
    SELECT ROW(a.org_id, a.employee_id, fiscal_year_of(s.starts_on, g.fiscal_year_start_month), x.field,
               x.direction)::program_attendance_delta
      FROM (VALUES (OLD.company_field, -1), (NEW.company_field, 1)) AS x(field, direction)
      JOIN organisations g ON g.id = NEW.org_id
      JOIN program_sessions s ON s.org_id = NEW.org_id AND s.program_id = NEW.id
      JOIN program_session_attendees a ON a.org_id = s.org_id AND a.session_id = s.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "programs_activity" AFTER UPDATE OF company_field ON "programs"
FOR EACH ROW WHEN (OLD.company_field IS DISTINCT FROM NEW.company_field)
EXECUTE FUNCTION program_field_changed();
--> statement-breakpoint
-- 0004's: an employee who moves takes along every row that counts, sessions included.
CREATE OR REPLACE FUNCTION "volunteer_activity_employee_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM volunteer_activity_add_totals(ARRAY(
    SELECT ROW(y.org_id, y.fiscal_year, x.company_id, x.site_id, y.field, x.direction,
               x.direction * y.participations, x.direction * y.minutes)::volunteer_activity_total_delta
      FROM volunteer_activity_years y
      CROSS JOIN (VALUES (OLD.company_id, OLD.site_id, -1), (NEW.company_id, NEW.site_id, 1))
             AS x(company_id, site_id, direction)
     WHERE y.org_id = NEW.org_id AND y.employee_id = NEW.id AND (y.participations > 0 OR y.sessions > 0)));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- 0004's rebuild, with the attended program sessions.
CREATE OR REPLACE FUNCTION "volunteer_activity_rebuild"(org uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM volunteer_activity_totals WHERE org_id = org;
  DELETE FROM volunteer_activity_years WHERE org_id = org;
  INSERT INTO volunteer_activity_years (org_id, employee_id, fiscal_year, field, participations, minutes, sessions)
  SELECT org, a.employee_id, a.fiscal_year, coalesce(a.field, 'all'),
         count(*) FILTER (WHERE NOT a.session), coalesce(sum(a.minutes), 0), count(*) FILTER (WHERE a.session)
    FROM (SELECT r.employee_id, o.field, r.minutes, false AS session,
                 fiscal_year_of((s.starts_at AT TIME ZONE o.time_zone)::date, g.fiscal_year_start_month) AS fiscal_year
            FROM signups r
            JOIN opportunity_shifts s ON s.org_id = r.org_id AND s.id = r.shift_id
            JOIN opportunities o ON o.org_id = s.org_id AND o.id = s.opportunity_id
            JOIN organisations g ON g.id = r.org_id
           WHERE r.org_id = org AND r.attendance = 'attended'
          UNION ALL
          SELECT l.employee_id, l.field, l.minutes, false, fiscal_year_of(l.activity_date, g.fiscal_year_start_month)
            FROM volunteer_hour_logs l JOIN organisations g ON g.id = l.org_id
           WHERE l.org_id = org AND l.status = 'approved'
          UNION ALL
          SELECT a.employee_id, p.company_field, 0, true, fiscal_year_of(s.starts_on, g.fiscal_year_start_month)
            FROM program_session_attendees a
            JOIN program_sessions s ON s.org_id = a.org_id AND s.id = a.session_id
            JOIN programs p ON p.org_id = s.org_id AND p.id = s.program_id
            JOIN organisations g ON g.id = a.org_id
           WHERE a.org_id = org) a
   GROUP BY GROUPING SETS ((a.employee_id, a.fiscal_year, a.field), (a.employee_id, a.fiscal_year))
  HAVING grouping(a.field) = 1 OR a.field IS NOT NULL;
  INSERT INTO volunteer_activity_totals
    (org_id, fiscal_year, company_id, site_id, field, participants, participations, minutes)
  SELECT org, y.fiscal_year, e.company_id, e.site_id, y.field, count(*), sum(y.participations), sum(y.minutes)
    FROM volunteer_activity_years y JOIN employees e ON e.org_id = y.org_id AND e.id = y.employee_id
   WHERE y.org_id = org
   GROUP BY y.fiscal_year, e.company_id, e.site_id, y.field;
END $$;
--> statement-breakpoint
SELECT volunteer_activity_rebuild(id) FROM organisations;
