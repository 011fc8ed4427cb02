// aedes 1.x is an ES module; jest.config.js maps 'aedes' here so tests get it via Node's loader.
module.exports = require('./native-require').nativeRequire('aedes');
