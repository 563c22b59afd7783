-- ARR in cents outgrew a 32-bit column ($21.47M); 64 bits hold any amount the form accepts.
-- AlterTable
ALTER TABLE "Account" ALTER COLUMN "arrCents" SET DATA TYPE BIGINT;
