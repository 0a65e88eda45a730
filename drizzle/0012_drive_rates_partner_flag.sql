DROP INDEX "partners_org_eligible_idx";--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD COLUMN "yen_per_unit" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "partners" DROP COLUMN "eligible";--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD CONSTRAINT "collection_drive_items_rate" CHECK ("collection_drive_items"."yen_per_unit" is null or "collection_drive_items"."yen_per_unit" >= 0);--> statement-breakpoint
-- Drives recorded before rates were kept per drive take the item's rate of today.
UPDATE "collection_drive_items" di SET "yen_per_unit" = i."yen_per_unit"
  FROM "collection_items" i WHERE i."id" = di."item_id" AND di."yen_per_unit" IS NULL;
--> statement-breakpoint
-- A final program review, and its scores, never change (decision 0011); the service refuses first.
CREATE OR REPLACE FUNCTION kyosei_program_review_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'program_reviews' THEN
    IF OLD.status = 'final' THEN
      RAISE EXCEPTION 'program review % is final', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'program_reviews_frozen';
    END IF;
  ELSIF EXISTS (
    SELECT 1 FROM program_reviews r
    WHERE r.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.review_id ELSE OLD.review_id END AND r.status = 'final'
  ) THEN
    RAISE EXCEPTION 'program review is final' USING ERRCODE = 'check_violation', CONSTRAINT = 'program_reviews_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER program_reviews_frozen BEFORE UPDATE OR DELETE ON program_reviews
  FOR EACH ROW EXECUTE FUNCTION kyosei_program_review_frozen();
--> statement-breakpoint
CREATE TRIGGER program_review_scores_frozen BEFORE INSERT OR UPDATE OR DELETE ON program_review_scores
  FOR EACH ROW EXECUTE FUNCTION kyosei_program_review_frozen();
