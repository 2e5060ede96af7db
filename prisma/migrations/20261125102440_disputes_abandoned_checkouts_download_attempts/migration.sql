-- AlterEnum
ALTER TYPE "PurchaseStatus" ADD VALUE 'ABANDONED';

-- AlterTable
ALTER TABLE "License" ADD COLUMN     "suspendedByDisputeId" TEXT;

-- AlterTable
ALTER TABLE "DownloadToken" ADD COLUMN     "attemptStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "attemptClient" CHAR(64);
