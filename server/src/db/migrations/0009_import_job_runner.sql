-- The server process that runs an import job's check or apply, so that at start-up a server
-- recovers the jobs it was running when it stopped (issue 12 #12).
ALTER TABLE "import_jobs" ADD COLUMN "runner" text;
