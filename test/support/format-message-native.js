// scratch-vm is loaded through Node's own loader in tests (see native-require.js) and keeps the
// editor language in format-message's shared setup. Mapping 'format-message' here gives our code
// that same instance, as one webpack build of scratch-gui + scratch-vm + this extension does.
module.exports = require('./native-require').nativeRequire('format-message');
