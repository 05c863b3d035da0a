// The 「当前登录」 bar (issue 18 §5: "does not wrap badly for long names") at 375 px: a 30-character
// Chinese name and a long English one stay two tidy lines — the account, then the name cut with … —
// with 【不是我，换个账号】 on one line beside them, and nothing wider than the phone.
import { expect, test } from "@playwright/test";
import { makeMember, makeSchool, signInThroughApi } from "./factories";
import { scrollWidth } from "./helpers";
import { tenantUrl } from "./hosts";

const NAMES = {
  "a 30-character Chinese name": "欧阳".repeat(15),
  "a long English name": "Alexandra Catherine Montgomery-Fitzwilliam",
};

for (const [what, name] of Object.entries(NAMES)) {
  test(`${what}: two lines, the name cut with …, the button on one line`, async ({ page }) => {
    const school = await makeSchool();
    const member = await makeMember(school, { name });
    await signInThroughApi(page, school.slug, "member", member.account, member.password);
    await page.goto(tenantUrl(school.slug, "/me"));
    await expect(page.getByTestId("member-name")).toHaveText(name);

    const said = page.getByTestId("signed-in-as");
    await expect(said).toHaveText(`当前登录：${member.account} ${name}`);
    const lines = await said.evaluate((element) => {
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
      const nameLine = element.lastElementChild as HTMLElement;
      return { lines: Math.round(element.getBoundingClientRect().height / lineHeight), cut: nameLine.scrollWidth > nameLine.clientWidth };
    });
    expect(lines).toEqual({ lines: 2, cut: true });
    const button = page.getByTestId("switch-account");
    await expect(button).toHaveText("不是我，换个账号");
    const box = await button.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(44);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
  });
}
