// 呼出表示: listens to server-sent events and shows each call at the top, with an optional chime (Web Audio).
// Loaded as a file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';
  var MAX_ROWS = 8;
  var body = document.body;
  var list = document.getElementById('calls');
  var status = document.getElementById('display-status');
  var toggle = document.getElementById('chime-toggle');
  var audio = null;
  var chimeOn = false;

  function chime() {
    if (!chimeOn || !audio) { return; }
    var now = audio.currentTime;
    [660, 880].forEach(function (freq, i) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.45);
      gain.gain.exponentialRampToValueAtTime(0.4, now + i * 0.45 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.45 + 0.8);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + i * 0.45);
      osc.stop(now + i * 0.45 + 0.85);
    });
  }

  function show(call) {
    var row = document.createElement('tr');
    var number = document.createElement('td');
    number.className = 'call-number';
    number.textContent = call.displayNumber;
    var counter = document.createElement('td');
    counter.className = 'call-counter';
    counter.textContent = call.counterName;
    row.appendChild(number);
    row.appendChild(counter);
    Array.prototype.forEach.call(list.querySelectorAll('tr.latest'), function (r) { r.classList.remove('latest'); });
    Array.prototype.forEach.call(list.querySelectorAll('tr'), function (r) {
      if (r.firstElementChild && r.firstElementChild.textContent === call.displayNumber) { r.remove(); }
    });
    row.className = 'latest';
    list.insertBefore(row, list.firstChild);
    while (list.children.length > MAX_ROWS) { list.removeChild(list.lastChild); }
    chime();
  }

  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      chimeOn = !chimeOn;
      if (chimeOn && !audio) {
        var Ctx = window.AudioContext || window.webkitAudioContext;
        if (Ctx) { audio = new Ctx(); }
      }
      toggle.setAttribute('aria-pressed', String(chimeOn));
      toggle.textContent = chimeOn ? 'チャイムを止める' : 'チャイムを鳴らす';
      chime();
    });
  }

  if (!window.EventSource) {
    status.textContent = 'このブラウザでは自動更新できません。ページを再読み込みしてください。';
    return;
  }
  var source = new EventSource(body.getAttribute('data-events'));
  var lost = false;
  source.addEventListener('hello', function () {
    if (lost) {
      // calls made while the stream was down were not received: reload the list from the server
      window.location.reload();
      return;
    }
    status.textContent = '自動で更新しています';
    body.setAttribute('data-connected', 'true');
  });
  source.addEventListener('call', function (e) { show(JSON.parse(e.data)); });
  // the server's listening connection to the database was re-established: calls may have been missed
  source.addEventListener('resync', function () { window.location.reload(); });
  source.onerror = function () {
    lost = true;
    status.textContent = '再接続しています…';
    body.removeAttribute('data-connected');
  };
}());
