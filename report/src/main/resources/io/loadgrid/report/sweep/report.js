// Lets a headless browser (and the tests) confirm the page really rendered: every plot decoded, every table laid out.
window.addEventListener('load', function () {
  var shown = 0;
  for (var i = 0; i < document.images.length; i++) {
    if (document.images[i].naturalWidth > 0) {
      shown++;
    }
  }
  document.body.dataset.rendered = String(shown);
  document.body.dataset.tables = String(document.querySelectorAll('table').length);
});
