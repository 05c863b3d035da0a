// What `npm start` prints when a step fails: always a reason, never "✖ undefined".
import { describe, expect, it } from "vitest";
import { describeFailure } from "../../scripts/lib/describe-failure";

describe("the start's failure line", () => {
  it("is an error's message", () => {
    expect(describeFailure(new Error("The database folder .data/pg is in use by the running instance"))).toBe(
      "The database folder .data/pg is in use by the running instance",
    );
  });

  it("says that no reason was given when a step rejects with nothing", () => {
    for (const nothing of [undefined, null, ""]) {
      const line = describeFailure(nothing);
      expect(line).not.toMatch(/undefined|null/);
      expect(line).toContain("without giving a reason");
    }
  });

  it("reads the message of an error-like object, and shows any other value as JSON", () => {
    expect(describeFailure({ message: "connect ECONNREFUSED 127.0.0.1:54329" })).toBe("connect ECONNREFUSED 127.0.0.1:54329");
    expect(describeFailure({ code: 3 })).toBe('{"code":3}');
    expect(describeFailure("initdb failed")).toBe("initdb failed");
  });
});
