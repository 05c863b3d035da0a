// The SMS outbox: texts the simulated WeCom "sends" (关注身份验证 codes, invitations), shown on the
// phone page and read by tests through the control API instead of reaching a phone.
import { type Sim, simNow } from "./context";

export function sendSms(sim: Sim, phone: string, text: string): void {
  sim.state.smsOutbox.push({ id: sim.state.nextIds.sms++, phone, text, at: simNow(sim) });
  // Keep the outbox (and the state file) bounded.
  if (sim.state.smsOutbox.length > 500) sim.state.smsOutbox.splice(0, sim.state.smsOutbox.length - 500);
}
