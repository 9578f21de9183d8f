// 納付書の一括作成: while a batch waits or renders in the background, asks for its progress every second, moves the
// progress bar and the count, and reloads the page once it has ended (to offer the download or show the reason).
// A file because the Content-Security-Policy forbids inline scripts; without JavaScript the page has a reload link.
(function () {
  'use strict';
  var box = document.getElementById('batch-progress');
  if (!box || box.getAttribute('data-running') !== 'true') { return; }
  var url = box.getAttribute('data-progress-url');
  var bar = document.getElementById('batch-bar');
  var count = document.getElementById('batch-count');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (b) {
        if (b === null) { return; }
        bar.max = Math.max(b.total, 1);
        bar.value = b.done;
        count.textContent = b.done + ' / ' + b.total + ' 件';
        if (b.state === 'QUEUED' || b.state === 'RUNNING') {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
}());
