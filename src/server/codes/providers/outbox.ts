// The development outbox: "sending" is writing the message, text and all, to
// OutboxMessage, which /dev/outbox and /admin/outbox show. Only on a localhost
// platform domain (src/env.ts refuses it elsewhere): its page shows every code.
import { emailText, smsText } from "./message-text";
import type { EmailProvider, SmsProvider } from "./provider";

export const outboxProvider: SmsProvider & EmailProvider = {
  name: "outbox",
  cannotReach: () => null,
  async sendSms(scope, message) {
    await scope.db.outboxMessage.create({
      data: { tenantId: scope.tenant.id, channel: "SMS", destination: message.phone, purpose: message.purpose, text: smsText(message) },
    });
  },
  async sendEmail(scope, message) {
    await scope.db.outboxMessage.create({
      data: { tenantId: scope.tenant.id, channel: "EMAIL", destination: message.email, purpose: message.purpose, text: emailText(message) },
    });
  },
};
