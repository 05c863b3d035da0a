// TC3-HMAC-SHA256 against Tencent's own worked example on its API documentation page
// 「签名方法 v3」 (e.g. https://cloud.tencent.com/document/api/213/30654; every product's API
// docs carry a copy): the CVM DescribeInstances request at timestamp 1551113065. Read
// offline from stored copies of the page, two versions of it:
//  - the current one signs content-type, host and x-tc-action and masks the key
//    (SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******), but publishes the payload hash, the
//    canonical request, its hash, the string to sign, the three derived keys (SecretDate,
//    SecretService, SecretSigning) and the signature: every step after the secret key itself
//    is reproduced below from those published values;
//  - the earlier one signs content-type and host only and prints the key in full
//    (Gu5t9xGARNpq86cd98joQYCN3EXAMPLE), so its signature is reproduced end to end, the first
//    step of the key derivation included.
import { describe, expect, it } from "vitest";
import { createHash, createHmac } from "node:crypto";
import { signTc3, tc3Date, tc3Sign, tc3SigningKey } from "~/server/codes/providers/tencent-signing";

// The body exactly as the page sends it: the name 未命名 written as \u escapes, not decoded.
const PAYLOAD = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
const TIMESTAMP = 1551113065;
const CONTENT_TYPE = "application/json; charset=utf-8";
const HOST = "cvm.tencentcloudapi.com";

describe("TC3-HMAC-SHA256, the current published example (content-type;host;x-tc-action)", () => {
  const published = {
    hashedPayload: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    canonicalRequest: [
      "POST",
      "/",
      "",
      "content-type:application/json; charset=utf-8",
      "host:cvm.tencentcloudapi.com",
      "x-tc-action:describeinstances",
      "",
      "content-type;host;x-tc-action",
      "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    ].join("\n"),
    hashedCanonicalRequest: "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
    stringToSign: [
      "TC3-HMAC-SHA256",
      "1551113065",
      "2019-02-25/cvm/tc3_request",
      "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
    ].join("\n"),
    secretSigning: "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af",
    signature: "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
  };
  // The page masks the key, so any key gives the canonical request and the string to sign (they hold no secret).
  const signed = signTc3({
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
    secretKey: "masked-on-the-page",
    service: "cvm",
    signedHeaders: { "Content-Type": CONTENT_TYPE, Host: HOST, "X-TC-Action": "DescribeInstances" },
    timestamp: TIMESTAMP,
    payload: PAYLOAD,
  });

  it("hashes the payload as published", () => {
    expect(createHash("sha256").update(PAYLOAD).digest("hex")).toBe(published.hashedPayload);
  });

  it("builds the published canonical request, the action lower-cased and the headers in ASCII order", () => {
    expect(signed.canonicalRequest).toBe(published.canonicalRequest);
    expect(createHash("sha256").update(signed.canonicalRequest).digest("hex")).toBe(published.hashedCanonicalRequest);
    expect(signed.signedHeaderNames).toBe("content-type;host;x-tc-action");
  });

  it("builds the published string to sign, dated in UTC (2019-02-25, though it is already the 26th in Beijing)", () => {
    expect(tc3Date(TIMESTAMP)).toBe("2019-02-25");
    expect(signed.credentialScope).toBe("2019-02-25/cvm/tc3_request");
    expect(signed.stringToSign).toBe(published.stringToSign);
  });

  it("turns the published SecretSigning and string to sign into the published signature", () => {
    expect(tc3Sign(Buffer.from(published.secretSigning, "hex"), published.stringToSign)).toBe(published.signature);
  });

  it("derives SecretService and SecretSigning from the published SecretDate as the page does", () => {
    const secretDate = Buffer.from("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0", "hex");
    const secretService = createHmac("sha256", secretDate).update("cvm").digest();
    expect(secretService.toString("hex")).toBe("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
    expect(createHmac("sha256", secretService).update("tc3_request").digest("hex")).toBe(published.secretSigning);
  });
});

describe("TC3-HMAC-SHA256, the earlier published example (content-type;host, key in full)", () => {
  const signed = signTc3({
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    service: "cvm",
    signedHeaders: { "content-type": CONTENT_TYPE, host: HOST },
    timestamp: TIMESTAMP,
    payload: PAYLOAD,
  });

  it("builds the published canonical request and its hash", () => {
    expect(signed.canonicalRequest).toBe(
      "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n" +
        "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    );
    expect(signed.stringToSign).toBe(
      "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    );
  });

  it("reproduces the published signature and Authorization header from the key, end to end", () => {
    expect(signed.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    expect(signed.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
        "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
    expect(tc3SigningKey("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm")).toHaveLength(32);
  });
});

describe("signTc3", () => {
  it("refuses to sign without content-type and host, which Tencent requires", () => {
    expect(() =>
      signTc3({
        secretId: "AKIDx",
        secretKey: "k",
        service: "sms",
        signedHeaders: { host: "sms.tencentcloudapi.com" },
        timestamp: 1,
        payload: "{}",
      }),
    ).toThrow(/content-type and host/);
  });
});
