// 署名欄 — draws with a finger, pen or mouse on the tablet and puts the PNG into the form on submit (CSP-safe).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('signature-pad');
  const form = document.getElementById('kiosk-confirm');
  if (!canvas || !form) {
    return;
  }
  const ctx = canvas.getContext('2d');
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  let drawing = false;
  let drawn = false;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  };
  canvas.addEventListener('pointerdown', (e) => { drawing = true; ctx.beginPath(); ctx.moveTo(...at(e)); });
  canvas.addEventListener('pointermove', (e) => {
    if (drawing) { ctx.lineTo(...at(e)); ctx.stroke(); drawn = true; }
  });
  ['pointerup', 'pointerleave'].forEach((t) => canvas.addEventListener(t, () => { drawing = false; }));
  document.getElementById('signature-clear').addEventListener('click', () => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawn = false;
  });
  form.addEventListener('submit', () => {
    document.getElementById('signature-data').value = drawn ? canvas.toDataURL('image/png') : '';
  });
});
