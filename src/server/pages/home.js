// The page learns the broker addresses from the server itself, so it stays right
// whatever ports the teacher chose and whichever address the pupil typed.
function show(id, text) { document.getElementById(id).textContent = text; }
show('extension-url', location.origin + '/mqtt-blocks.js');
fetch('/api/info').then(function (r) { return r.json(); }).then(function (info) {
  show('websocket-url', info.websocketUrl);
  show('tcp-address', info.tcp.host + ', ' + info.tcp.port);
  document.getElementById('auth-note').hidden = !info.authRequired;
}).catch(function () {
  show('websocket-url', 'ws://' + location.host + '/mqtt');
});
document.addEventListener('click', function (event) {
  var id = event.target && event.target.getAttribute && event.target.getAttribute('data-copy');
  if (!id) return;
  var text = document.getElementById(id).textContent;
  if (navigator.clipboard) navigator.clipboard.writeText(text);
});
