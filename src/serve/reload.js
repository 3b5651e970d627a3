// chunav serve: live reload. Injected only by `chunav serve`, never into `chunav build`.
(() => {
  const key = 'chunav-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const restore = () => window.scrollTo(0, Number(saved));
    if (document.readyState === 'complete') restore(); else addEventListener('load', restore);
  }
  let overlay = null;
  const hide = () => { if (overlay) { overlay.remove(); overlay = null; } };
  const show = (errors) => {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'chunav-errors';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1.5rem';
    const title = document.createElement('p');
    title.style.cssText = 'font:bold 16px system-ui,sans-serif;margin:0 0 1rem';
    title.textContent = 'chunav: the last change did not build. The page shows the last good version.';
    overlay.append(title);
    for (const e of errors) {
      const line = document.createElement('pre');
      line.style.cssText = 'white-space:pre-wrap;margin:0 0 .75rem;color:#ffb4a8';
      line.textContent = e;
      overlay.append(line);
    }
    document.body.append(overlay);
  };
  const events = new EventSource('/__chunav/events');
  events.addEventListener('reload', () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  events.addEventListener('css', () => {
    hide();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('chunav', String(Date.now()));
      link.href = url.href;
    }
  });
  events.addEventListener('errors', (e) => show(JSON.parse(e.data)));
  events.addEventListener('ok', hide);
})();
