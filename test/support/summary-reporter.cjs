// Writes the run's totals to test-results/summary.json, which .ci/run turns into the line CI reads.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = path.resolve('test-results');
    fs.mkdirSync(dir, { recursive: true });
    const failedSuites =
      results.numRuntimeErrorTestSuites + results.testResults.filter((r) => r.testExecError).length;
    fs.writeFileSync(
      path.join(dir, 'summary.json'),
      JSON.stringify({
        passed: results.numPassedTests,
        // A suite that could not run counts as a failure even though it reports no failed test.
        failed: results.numFailedTests + failedSuites,
        total: results.numTotalTests,
      }),
    );
  }
}
module.exports = SummaryReporter;
