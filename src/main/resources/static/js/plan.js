// Plan pages: expand/collapse the task tree; filter the unit picker; show the unit select of an import row.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-plan-tree]');
    if (b) {
      var open = b.getAttribute('data-plan-tree') === 'open';
      document.querySelectorAll('#plan-tree details.kepu-task, .kepu-preview-tree details.kepu-task').forEach(function (d) {
        d.open = open;
      });
    }
  });
  document.addEventListener('input', function (e) {
    if (e.target.id === 'unit-filter') {
      var q = e.target.value.trim();
      document.querySelectorAll('.kepu-pick-row').forEach(function (row) {
        var name = row.getAttribute('data-name') || '';
        row.hidden = q !== '' && name.indexOf(q) < 0;
      });
    }
  });
  function syncResolution(select) {
    var row = select.closest('.kepu-name-row');
    if (!row) { return; }
    var pick = row.querySelector('.kepu-pick-unit');
    if (pick) { pick.hidden = select.value !== 'UNIT'; }
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-resolution]')) { syncResolution(e.target); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-resolution]').forEach(syncResolution);
  });
})();
