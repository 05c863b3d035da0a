// A few hundred bytes of script, no library: asks /follow/status every few seconds and moves the
// page on when the member's step changes (the sync landed, WeCom said the member followed), so
// nobody has to refresh inside WeChat. Carries the request's CSP nonce; pauses while hidden.
// `reloadInMs`: the page says something else after that long (the follow page's slow sync), so it reloads then.
export function JourneyPoll({ step, nonce, reloadInMs }: { step: string; nonce: string | undefined; reloadInMs?: number }) {
  const reload =
    reloadInMs !== undefined ? `setTimeout(function(){location.replace("/follow")},${Math.max(0, Math.round(reloadInMs))});` : "";
  const script = `(function(){${reload}var s=${JSON.stringify(step)},n=0;function go(j){if(!j||!j.step||j.step===s)return;location.replace(j.step==="done"?"/done":"/follow")}function p(){if(++n>400)return;if(document.visibilityState==="hidden"){setTimeout(p,2500);return}fetch("/follow/status",{cache:"no-store",credentials:"same-origin"}).then(function(r){return r.ok?r.json():null}).then(go,function(){}).then(function(){setTimeout(p,2500)})}setTimeout(p,2500)})();`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
