// Prints the plain closing line CI reads ("N passed, N failed, N skipped") and keeps it for scripts/test.js.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const summary = {
			passed: results.numPassedTests,
			failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
			skipped: results.numPendingTests + results.numTodoTests,
		};
		const file = process.env.TEST_SUMMARY_FILE;
		if (file) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, JSON.stringify(summary));
		}
		process.stdout.write(`\njest: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
	}
}

module.exports = SummaryReporter;
