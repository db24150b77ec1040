#!/usr/bin/env node
'use strict';
/**
 * Runs the Meta (WhatsApp Cloud API) simulator as a process:
 *   node simulator/cloud/cli.js [--port 3100] [--host 127.0.0.1] [--token T] [--waba ID] [--phone-number-id ID]
 *        [--app-secret S] [--webhook-url URL] [--throughput 80] [--pair-rate-ms 0] [--latency 0] [--no-validate]
 * Prints `Meta simulator listening on <url>` when ready; stops on SIGINT/SIGTERM. Admin API: see admin.js.
 */

const { startCloudSimulator } = require('./simulator');
const { DEFAULTS } = require('./state');

function parseArgs(argv) {
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const key = argv[i];
		if (key === '--no-validate') {
			options.validate = false;
			continue;
		}
		if (key === '--help' || key === '-h') {
			options.help = true;
			continue;
		}
		const value = argv[++i];
		if (value === undefined) throw new Error(`${key} needs a value`);
		const map = { '--port': 'port', '--host': 'host', '--token': 'token', '--waba': 'waba', '--phone-number-id': 'phoneNumberId', '--app-secret': 'appSecret', '--webhook-url': 'webhookUrl', '--throughput': 'throughputPerSecond', '--pair-rate-ms': 'pairRateLimitMs', '--latency': 'latencyMs' };
		if (!map[key]) throw new Error(`unknown option ${key}`);
		options[map[key]] = ['port', 'throughputPerSecond', 'pairRateLimitMs', 'latencyMs'].includes(map[key]) ? Number(value) : value;
	}
	return options;
}

function simulatorOptions(args) {
	const options = { port: args.port ?? 3100, host: args.host ?? '127.0.0.1', validate: args.validate !== false, latencyMs: args.latencyMs, throughputPerSecond: args.throughputPerSecond, pairRateLimitMs: args.pairRateLimitMs, appSecret: args.appSecret, webhookUrl: args.webhookUrl };
	if (args.token) options.tokens = [{ token: args.token }];
	if (args.waba || args.phoneNumberId) {
		options.wabas = [{ id: args.waba ?? DEFAULTS.businessAccountId, phoneNumbers: [{ id: args.phoneNumberId ?? DEFAULTS.phoneNumberId, display_phone_number: DEFAULTS.displayPhoneNumber, verified_name: DEFAULTS.verifiedName }] }];
	}
	return options;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(`${require('node:fs').readFileSync(__filename, 'utf8').split('\n').slice(3, 7).join('\n')}\n`);
		return;
	}
	const sim = await startCloudSimulator(simulatorOptions(args));
	process.stdout.write(`Meta simulator listening on ${sim.url}\n`);
	if (sim.specSkipped) process.stdout.write(`Meta simulator: requests are not validated against the spec: ${sim.specSkipped}\n`);
	const stop = async (signal) => {
		await sim.close();
		process.stdout.write(`Meta simulator stopped (${signal})\n`);
		process.exit(0);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`Meta simulator failed to start: ${error.message}\n`);
		process.exit(1);
	});
}

module.exports = { parseArgs, simulatorOptions };
