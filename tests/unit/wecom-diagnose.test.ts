// 【测试连接】 names the IP WeCom saw, taken from its errmsg with a strict pattern
// and validated as an address: nothing else of WeCom's text reaches the admin.
import { describe, expect, it } from "vitest";
import { ipWecomSaw } from "~/server/wecom/diagnose";

const errmsg = (ip: string) =>
  `not allow to access from your ip, hint: [1700000000_51_abc], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=60020`;

describe("the IP WeCom says it saw (60020)", () => {
  it("is read from WeCom's errmsg, IPv4 and IPv6, normalised", () => {
    expect(ipWecomSaw(errmsg("203.0.113.7"))).toBe("203.0.113.7");
    expect(ipWecomSaw(errmsg("2001:DB8:0:0::7"))).toBe("2001:db8::7");
    expect(ipWecomSaw(errmsg("::ffff:203.0.113.7"))).toBe("203.0.113.7");
  });

  it("is nothing when the text is not an address or not where WeCom puts it", () => {
    expect(ipWecomSaw(errmsg("999.1.1.1"))).toBeNull();
    expect(ipWecomSaw(errmsg("10.1"))).toBeNull();
    expect(ipWecomSaw(errmsg("<a href=x>"))).toBeNull();
    expect(ipWecomSaw(errmsg("evil.example.com"))).toBeNull();
    expect(ipWecomSaw("not allow to access from your ip, from ip: 203.0.113.7")).toBeNull();
    expect(ipWecomSaw("")).toBeNull();
  });
});
