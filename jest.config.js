/** Unit, contract and in-process engine tests (test/**). The real-n8n e2e suite runs separately (e2e/). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json', diagnostics: false }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	testTimeout: 30000,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
