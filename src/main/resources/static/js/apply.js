// オンライン申請: when an answer that shows or hides other questions changes, refresh the step (the server decides
// what is asked; without JavaScript the 「表示を更新」 button does the same). Focus the error summary when present.
(function () {
  'use strict';
  var form = document.getElementById('step-form');
  if (!form) { return; }
  var refresh = document.getElementById('refresh');
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.getAttribute('data-refresh') === 'true' && refresh) {
      refresh.click();
    }
  });
  if (refresh) { refresh.classList.add('visually-hidden'); }
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
