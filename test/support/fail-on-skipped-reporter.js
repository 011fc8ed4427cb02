// In CI every test must run: a skipped test (for example an interop test whose tool is missing)
// turns the run red instead of passing quietly.
class FailOnSkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (skipped > 0) {
      const names = [];
      for (const file of results.testResults) {
        for (const test of file.testResults) {
          if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped') names.push(`${file.testFilePath}: ${test.fullName}`);
        }
      }
      console.error(`\nCI forbids skipped tests, but ${skipped} were skipped:\n  ${names.join('\n  ')}`);
      process.exitCode = 1;
      this._failed = true;
    }
  }
  getLastError() {
    return this._failed ? new Error('Skipped tests in CI') : undefined;
  }
}
module.exports = FailOnSkippedReporter;
