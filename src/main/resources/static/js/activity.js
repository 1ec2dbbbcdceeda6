// Activity form helpers: when the start time is set and the end time is empty or earlier, the end time follows
// the start time, so a phone user rarely has to enter it twice.
(function () {
  'use strict';
  var starts = document.getElementById('startsAt');
  var ends = document.getElementById('endsAt');
  if (!starts || !ends) { return; }
  starts.addEventListener('change', function () {
    if (starts.value && (!ends.value || ends.value < starts.value)) {
      ends.value = starts.value;
    }
  });
})();
