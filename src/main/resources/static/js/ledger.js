// Excel ledger import: refuse a file over the server's limit before sending it (the server would refuse it before
// reading the form, with a less helpful page), prevent double submission, and show that the upload is under way.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-ledger-upload]').forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    var limit = parseInt(form.getAttribute('data-max-bytes') || '0', 10);
    var feedback = form.querySelector('[data-size-error]');
    if (input && limit > 0) {
      input.addEventListener('change', function () {
        var tooLarge = input.files.length > 0 && input.files[0].size > limit;
        input.setCustomValidity(tooLarge ? (feedback ? feedback.textContent : 'too large') : '');
        input.classList.toggle('is-invalid', tooLarge);
      });
    }
    form.addEventListener('submit', function (event) {
      if (input && !input.checkValidity()) {
        event.preventDefault();
        input.reportValidity();
        return;
      }
      var button = form.querySelector('button[type="submit"]');
      if (button) {
        button.disabled = true;
        button.insertAdjacentHTML('afterbegin', '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>');
      }
    });
  });
});
