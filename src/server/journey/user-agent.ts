// Whether a page is open inside WeChat's in-app browser (which says "MicroMessenger" in its user
// agent; WeCom's says "wxwork" besides). Following the enterprise account happens in WeChat, so a
// page opened anywhere else says so and shows a QR code to scan with the phone.

export function isWechatBrowser(userAgent: string | null | undefined): boolean {
  return /MicroMessenger/i.test(userAgent ?? "");
}
