/**
 * Ends every run with one plain line, "N passed, N failed", that tools outside Jest can read.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    // After Jest's own summary, so it is the run's last line.
    process.once('exit', () => process.stdout.write(line));
  }
}

module.exports = PlainSummaryReporter;
