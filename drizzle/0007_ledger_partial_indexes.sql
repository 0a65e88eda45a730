ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_reverses";--> statement-breakpoint
DROP INDEX "ledger_postings_campaign_idx";--> statement-breakpoint
DROP INDEX "ledger_postings_partner_idx";--> statement-breakpoint
DROP INDEX "ledger_postings_donation_idx";--> statement-breakpoint
DROP INDEX "ledger_postings_payout_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_reverses" ON "ledger_postings" USING btree ("reverses_id") WHERE "ledger_postings"."reverses_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_postings_campaign_idx" ON "ledger_postings" USING btree ("campaign_id","kind") WHERE "ledger_postings"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_postings_partner_idx" ON "ledger_postings" USING btree ("partner_id") WHERE "ledger_postings"."partner_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_postings_donation_idx" ON "ledger_postings" USING btree ("donation_id") WHERE "ledger_postings"."donation_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_postings_payout_idx" ON "ledger_postings" USING btree ("payout_id") WHERE "ledger_postings"."payout_id" is not null;