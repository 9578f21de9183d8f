// マイナンバーカードで本人確認 (/office/visits/identify): a little help around the server-rendered form.
// - While the card is read, the button cannot be pressed twice and a status says what is happening.
// - The PIN field is emptied whenever the page is shown again (back/forward cache), so no PIN lingers on screen.
// - After a read, focus goes to the error or to the result, so screen-reader users hear it first.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  ready(function () {
    var form = document.getElementById('card-read-form');
    if (!form) {
      return;
    }
    var pin = document.getElementById('pin');
    var button = form.querySelector('button[type="submit"]');
    var status = document.getElementById('read-status');

    form.addEventListener('submit', function () {
      button.disabled = true;
      status.textContent = 'カードを読み取っています。カードを動かさないでください…';
    });

    window.addEventListener('pageshow', function () {
      pin.value = '';
      button.disabled = false;
      status.textContent = '';
    });

    var error = document.getElementById('error-summary');
    var result = document.getElementById('result-heading');
    if (error) {
      error.focus();
    } else if (result) {
      result.focus();
    }
  });
}());
