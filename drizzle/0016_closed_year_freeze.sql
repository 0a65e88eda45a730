-- A closed fiscal year never moves (decision 0013). Its expenses cannot be inserted, changed or
-- deleted, except by the rows of a restatement of that year; its FX rates are fixed; a close and a
-- restatement's figures are never rewritten.
CREATE FUNCTION kyosei_expenses_closed_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
    SELECT 1 FROM fiscal_year_closes c WHERE c.org_id = OLD.org_id AND c.fiscal_year = OLD.fiscal_year
  ) THEN
    RAISE EXCEPTION 'fiscal year % is closed: % of expense % refused', OLD.fiscal_year, TG_OP, OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fiscal_year_closed';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
    SELECT 1 FROM fiscal_year_closes c WHERE c.org_id = NEW.org_id AND c.fiscal_year = NEW.fiscal_year
  ) AND NOT (
    TG_OP = 'INSERT' AND NEW.restatement_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM restatements r
      WHERE r.org_id = NEW.org_id AND r.id = NEW.restatement_id AND r.fiscal_year = NEW.fiscal_year
        AND r.snapshot IS NULL
    )
  ) THEN
    RAISE EXCEPTION 'fiscal year % is closed: expenses change only by restatement', NEW.fiscal_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fiscal_year_closed';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE TRIGGER expenses_closed_year BEFORE INSERT OR UPDATE OR DELETE ON expenses
  FOR EACH ROW EXECUTE FUNCTION kyosei_expenses_closed_year();
--> statement-breakpoint
CREATE FUNCTION kyosei_fx_rates_closed_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r fx_rates;
BEGIN
  r := COALESCE(NEW, OLD);
  IF EXISTS (SELECT 1 FROM fiscal_year_closes c WHERE c.org_id = r.org_id AND c.fiscal_year = r.fiscal_year)
    OR (TG_OP = 'UPDATE' AND EXISTS (
      SELECT 1 FROM fiscal_year_closes c WHERE c.org_id = OLD.org_id AND c.fiscal_year = OLD.fiscal_year))
  THEN
    RAISE EXCEPTION 'fiscal year % is closed: its exchange rates are fixed', r.fiscal_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fiscal_year_closed';
  END IF;
  RETURN r;
END $$;
--> statement-breakpoint
CREATE TRIGGER fx_rates_closed_year BEFORE INSERT OR UPDATE OR DELETE ON fx_rates
  FOR EACH ROW EXECUTE FUNCTION kyosei_fx_rates_closed_year();
--> statement-breakpoint
CREATE FUNCTION kyosei_closes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: PL/pgSQL does not short-circuit, and fiscal_year_closes has no reason columns.
  IF TG_TABLE_NAME = 'restatements' AND TG_OP = 'UPDATE' THEN
    IF OLD.snapshot IS NULL AND NEW.id = OLD.id AND NEW.org_id = OLD.org_id
      AND NEW.fiscal_year = OLD.fiscal_year AND NEW.reason_ja IS NOT DISTINCT FROM OLD.reason_ja
      AND NEW.reason_en IS NOT DISTINCT FROM OLD.reason_en
    THEN
      RETURN NEW; -- a restatement's figures are written once, when its rows are in
    END IF;
  END IF;
  RAISE EXCEPTION '% on % refused: a closed year never moves', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'fiscal_year_closed';
END $$;
--> statement-breakpoint
CREATE TRIGGER fiscal_year_closes_frozen BEFORE UPDATE OR DELETE ON fiscal_year_closes
  FOR EACH ROW EXECUTE FUNCTION kyosei_closes_frozen();
--> statement-breakpoint
CREATE TRIGGER restatements_frozen BEFORE UPDATE OR DELETE ON restatements
  FOR EACH ROW EXECUTE FUNCTION kyosei_closes_frozen();
