#!/usr/bin/env node
'use strict';
/**
 * Runs the GOWA simulator as a process:
 *   node simulator/cli.js --port 3000 [--host 127.0.0.1] [--base-path /gowa] [--user u --password p]
 *        [--device salon-main[:jid]]… [--no-devices] [--latency 50] [--fail-rate 0.3] [--fail-statuses 500,429]
 *        [--seed 42] [--quick-retries] [--webhook-url URL] [--webhook-secret S] [--no-validate] [--version 9.2]
 * Prints `GOWA simulator listening on <url>` when ready; stops on SIGINT/SIGTERM.
 */

const { startSimulator } = require('./simulator');

function parseArgs(argv) {
	const options = { devices: [] };
	const flags = new Set(['--quick-retries', '--no-validate', '--no-devices', '--help', '-h']);
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		let key = arg;
		let value;
		if (arg.startsWith('--') && arg.includes('=')) [key, value] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
		else if (!flags.has(arg)) value = argv[++i];
		switch (key) {
			case '--port':
				options.port = Number(value);
				break;
			case '--host':
				options.host = value;
				break;
			case '--base-path':
				options.basePath = value;
				break;
			case '--user':
				options.user = value;
				break;
			case '--password':
				options.password = value;
				break;
			case '--device': {
				const [id, ...rest] = String(value).split(':');
				const jid = rest.join(':');
				options.devices.push({ id, jid: jid || undefined, state: 'logged_in' });
				break;
			}
			case '--no-devices':
				options.noDevices = true;
				break;
			case '--latency':
				options.latencyMs = Number(value);
				break;
			case '--fail-rate':
				options.failRate = Number(value);
				break;
			case '--fail-statuses':
				options.failStatuses = String(value)
					.split(',')
					.map((status) => Number(status.trim()))
					.filter(Boolean);
				break;
			case '--seed':
				options.seed = Number(value);
				break;
			case '--quick-retries':
				options.quickRetries = true;
				break;
			case '--webhook-url':
				options.webhookUrl = value;
				break;
			case '--webhook-secret':
				options.webhookSecret = value;
				break;
			case '--no-validate':
				options.validate = false;
				break;
			case '--version':
				options.version = value;
				break;
			case '--help':
			case '-h':
				options.help = true;
				break;
			default:
				throw new Error(`unknown option ${arg}`);
		}
	}
	return options;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(`${require('node:fs').readFileSync(__filename, 'utf8').split('\n').slice(3, 8).join('\n')}\n`);
		return;
	}
	const options = {
		port: args.port ?? 3000,
		host: args.host ?? '127.0.0.1',
		basePath: args.basePath ?? '',
		latencyMs: args.latencyMs ?? 0,
		validate: args.validate !== false,
	};
	if (args.user !== undefined || args.password !== undefined) options.auth = { username: args.user ?? '', password: args.password ?? '' };
	if (args.noDevices) options.devices = [];
	else if (args.devices.length) options.devices = args.devices;
	if (args.quickRetries) options.webhookRetryDelaysMs = [10, 20, 40, 80];
	if (args.webhookUrl) options.webhookUrl = args.webhookUrl;
	if (args.webhookSecret) options.webhookSecret = args.webhookSecret;
	if (args.seed !== undefined) options.seed = { random: args.seed };
	if (args.version !== undefined) options.version = args.version;
	const sim = await startSimulator(options);
	if (args.failRate) sim.setFailureRate({ rate: args.failRate, statuses: args.failStatuses || [500, 429], seed: args.seed ?? 42 });
	process.stdout.write(`GOWA simulator listening on ${sim.url} (GOWA ${sim.versionString})\n`);
	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		await sim.close();
		process.stdout.write(`GOWA simulator stopped (${signal})\n`);
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`GOWA simulator failed to start: ${error.message}\n`);
		process.exit(1);
	});
}

module.exports = { parseArgs };
