-- AlterTable
ALTER TABLE "IdentityProviderSettings" ADD COLUMN     "passwordResetUrl" VARCHAR(300);

-- A link a member's browser opens: a web address, never a javascript: or data: one.
ALTER TABLE "IdentityProviderSettings" ADD CONSTRAINT "IdentityProviderSettings_passwordResetUrl_web" CHECK ("passwordResetUrl" ~ '^https?://');
