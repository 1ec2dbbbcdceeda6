// Evidence upload on phones: lists the chosen files and, where the browser can, shrinks large photos
// (> 2000 px or > 2 MB) to JPEG in a canvas before upload. Without JavaScript the form still posts the originals;
// the server checks every file anyway.
(function () {
  'use strict';
  var form = document.getElementById('evidence-upload');
  if (!form) { return; }
  var maxPx = parseInt(form.getAttribute('data-shrink-px'), 10) || 2000;
  var maxBytes = parseInt(form.getAttribute('data-shrink-bytes'), 10) || 2097152;
  var inputs = form.querySelectorAll('input[type="file"]');
  var chosen = document.getElementById('evidence-chosen');
  var progress = document.getElementById('evidence-progress');
  var canShrink = typeof DataTransfer === 'function' && !!document.createElement('canvas').toBlob
      && typeof createImageBitmap === 'function';

  function listFiles() {
    if (!chosen) { return; }
    chosen.textContent = '';
    inputs.forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (f) {
        var li = document.createElement('li');
        li.textContent = '• ' + f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
        chosen.appendChild(li);
      });
    });
  }

  function needsShrink(file) {
    return /^image\/(jpeg|png|webp)$/.test(file.type);
  }

  function shrink(file) {
    return createImageBitmap(file).then(function (bitmap) {
      var w = bitmap.width, h = bitmap.height;
      if (Math.max(w, h) <= maxPx && file.size <= maxBytes) { return file; }
      var scale = Math.min(1, maxPx / Math.max(w, h));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      var g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          // Keep the original when re-encoding gains nothing and its dimensions are within the limit.
          if (!blob || (scale === 1 && blob.size >= file.size)) { resolve(file); return; }
          var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
          resolve(new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified }));
        }, 'image/jpeg', 0.85);
      });
    }).catch(function () { return file; });
  }

  inputs.forEach(function (input) { input.addEventListener('change', listFiles); });

  form.addEventListener('submit', function (e) {
    if (!canShrink || form.getAttribute('data-shrunk') === 'yes') { return; }
    e.preventDefault();
    if (progress) { progress.classList.remove('d-none'); }
    var jobs = [];
    inputs.forEach(function (input) {
      var files = Array.prototype.slice.call(input.files);
      jobs.push(Promise.all(files.map(function (f) { return needsShrink(f) ? shrink(f) : f; }))
        .then(function (out) {
          var dt = new DataTransfer();
          out.forEach(function (f) { dt.items.add(f); });
          input.files = dt.files;
        }));
    });
    Promise.all(jobs).catch(function () { return null; }).then(function () {
      form.setAttribute('data-shrunk', 'yes');
      if (progress) { progress.classList.add('d-none'); }
      form.submit();
    });
  });
})();
