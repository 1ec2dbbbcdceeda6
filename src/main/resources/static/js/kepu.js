// Small helpers for all pages. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-kepu-toggle]');
    if (t) {
      var el = document.getElementById(t.getAttribute('data-kepu-toggle'));
      if (el) { el.classList.toggle('show'); t.setAttribute('aria-expanded', el.classList.contains('show')); }
    }
    var back = e.target.closest('[data-kepu-back]');
    if (back) { e.preventDefault(); history.back(); }
    var confirmEl = e.target.closest('[data-kepu-confirm]');
    if (confirmEl && !window.confirm(confirmEl.getAttribute('data-kepu-confirm'))) { e.preventDefault(); }
  });
  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (e) {
    var h = document.querySelector('meta[name="csrf-header"]');
    var v = document.querySelector('meta[name="csrf-token"]');
    if (h && v) { e.detail.headers[h.content] = v.content; }
  });
})();
