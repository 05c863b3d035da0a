// Turns what changed into the XML messages of reference §7.3/§7.4 and picks who receives them:
// change_contact goes to the contact-sync assistant's callback; subscribe/unsubscribe goes to each
// app whose visible range holds the member.
import { buildEventXml, type XmlField } from "./callback-crypto";
import type { CallbackDelivery } from "./callback-delivery";
import type { SimEvent } from "./context";
import { findCorp, findMember, type SimState } from "./state";
import { isMemberVisible } from "./visibility";

export function routeEvent(state: SimState, delivery: CallbackDelivery, event: SimEvent, nowMs: number): void {
  const corp = findCorp(state, event.corpid);
  if (!corp) return;
  const createTime = Math.floor(nowMs / 1000);
  if (event.kind === "change_contact") {
    const config = corp.contactCallback;
    if (!config) return;
    // 「由通讯录同步助手调用接口触发的变更事件不回调通讯录同步助手本身」 (reference §7.3, OFF 96303/96304):
    // the assistant's own API writes, members included, are not called back to it.
    if (event.origin === "contact-api" && !config.echoOwnApiChanges) return;
    const fields = config.fieldSet === "restricted" ? event.restrictedFields : event.fields;
    if (!fields) return;
    const head: XmlField[] = [
      ["ToUserName", corp.corpid],
      ["FromUserName", "sys"],
      ["CreateTime", createTime],
      ["MsgType", "event"],
      ["Event", "change_contact"],
    ];
    // ChangeType is written bare, as in the reference's own example message.
    const xml = buildEventXml(head).replace("</xml>", `<ChangeType>${event.changeType}</ChangeType>${buildEventXml(fields).slice(5)}`);
    delivery.enqueue({ corpid: corp.corpid, agent: "contacts", config }, event.changeType, xml);
    return;
  }
  const member = findMember(corp, event.userid);
  if (!member) return;
  for (const app of corp.apps) {
    if (event.agentid !== undefined ? app.agentid !== event.agentid : !isMemberVisible(corp, app, member)) continue;
    if (!app.callback || !app.enabled) continue;
    const xml = buildEventXml([
      ["ToUserName", corp.corpid],
      ["FromUserName", member.userid],
      ["CreateTime", createTime],
      ["MsgType", "event"],
      ["Event", event.kind],
      ["AgentID", app.agentid],
    ]);
    delivery.enqueue({ corpid: corp.corpid, agent: app.agentid, config: app.callback }, event.kind, xml);
  }
}
