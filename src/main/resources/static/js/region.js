// Division tree: an expand button disappears once its children are shown below its row.
document.addEventListener('htmx:afterRequest', function (event) {
  var el = event.detail.elt;
  if (el && el.classList && el.classList.contains('kepu-expand') && event.detail.successful) {
    el.remove();
  }
});
