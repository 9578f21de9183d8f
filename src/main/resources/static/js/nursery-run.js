// 保育所利用調整: while a run waits or runs in the background, asks for its state every two seconds and reloads the
// page once it has ended. Loaded as a file because the Content-Security-Policy forbids inline scripts. Without
// JavaScript the page offers a link to reload by hand.
(function () {
  'use strict';
  var status = document.getElementById('run-status');
  if (!status || status.getAttribute('data-pending') !== 'true') { return; }
  var url = status.getAttribute('data-status-url');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (run) {
        if (run === null) { return; }
        status.textContent = run.label;
        if (run.pending) {
          window.setTimeout(poll, 2000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
}());
