// Excel ledger import: prevent double submission of a (possibly large) upload and show that it is under way.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-ledger-upload]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) {
        button.disabled = true;
        button.insertAdjacentHTML('afterbegin', '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>');
      }
    });
  });
});
